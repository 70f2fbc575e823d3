package dev.latchkey.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/**
 * The changelog is valid against the Liquibase XSD it names. Migrations skip this check at start
 * (it was a tenth of a fresh database's migration), so the build makes it instead.
 */
class ChangelogSchemaTest {
    private static final Pattern SCHEMA_LOCATION =
            Pattern.compile("http://(www\\.liquibase\\.org/xml/ns/dbchangelog/dbchangelog-[0-9.]+\\.xsd)");

    @Test
    void theChangelogIsValidAgainstTheXsdItNamesAndAnInvalidOneIsNot() throws Exception {
        byte[] changelog = read(DatabaseMigrations.CHANGELOG);
        Matcher location = SCHEMA_LOCATION.matcher(new String(changelog, StandardCharsets.UTF_8));
        assertThat(location.find()).as("the changelog names its XSD").isTrue();
        URL xsd = getClass().getClassLoader().getResource(location.group(1));
        assertThat(xsd).as("Liquibase ships " + location.group(1)).isNotNull();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file");
        Schema schema = factory.newSchema(xsd);

        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(changelog)));

        byte[] misspelt = new String(changelog, StandardCharsets.UTF_8)
                .replaceFirst("<createTable ", "<createTabel ")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(misspelt))))
                .isInstanceOf(SAXException.class);
    }

    private static byte[] read(String resource) throws Exception {
        try (InputStream in = ChangelogSchemaTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).isNotNull();
            return in.readAllBytes();
        }
    }
}
