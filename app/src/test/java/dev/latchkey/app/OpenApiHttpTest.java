package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /openapi.json} lists every route the HTTP adapter declares, each with the posture the auth
 * filter enforces: checked here against the resource classes themselves, read independently.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2();

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Map<String, Object>>> paths(Reply document) {
        return (Map<String, Map<String, Map<String, Object>>>) document.body().get("paths");
    }

    /** "METHOD /path" for every resource method of every {@code @Path} class in the HTTP adapter. */
    private static TreeSet<String> declaredRoutes() {
        TreeSet<String> routes = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.latchkey.http")) {
            Class<?> resource = type.reflect();
            if (!resource.isAnnotationPresent(Path.class)
                    || resource.getSimpleName().startsWith("Retired")) {
                continue; // the retired key routes replace the key routes only in WorkOS mode
            }
            for (Method method : resource.getDeclaredMethods()) {
                for (var annotation : method.getAnnotations()) {
                    HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) {
                        Path sub = method.getAnnotation(Path.class);
                        String path = join(resource.getAnnotation(Path.class).value(), sub == null ? "" : sub.value());
                        routes.add(http.value() + " " + path.replaceAll("\\{\\s*(\\w+)\\s*(:[^}]*)?}", "{$1}"));
                    }
                }
            }
        }
        return routes;
    }

    private static String join(String a, String b) {
        String joined = ("/" + a + "/" + b).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    @Test
    void theDocumentIsOpenApi31AndListsEveryDeclaredRouteWithItsPosture() {
        Reply document = Reply.of(TestApps.request(APP, "/openapi.json").get());
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).containsEntry("openapi", "3.1.0").containsKeys("info", "paths", "components");

        TreeSet<String> documented = new TreeSet<>();
        paths(document)
                .forEach((path, operations) -> operations
                        .keySet()
                        .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        assertThat(documented).containsAll(declaredRoutes());
        // Served by plain servlets, outside Jersey's model, and listed all the same.
        assertThat(documented).contains("GET /authz/check", "POST /authz/check", "POST /oauth/introspect");
        assertThat(paths(document).get("/oauth/introspect").get("post")).containsEntry("security", List.of());
        assertThat(declaredRoutes()).hasSizeGreaterThan(40);

        Map<String, Object> listKeys = paths(document).get("/api-keys").get("get");
        assertThat(listKeys)
                .containsEntry("x-latchkey-scopes", List.of("api_keys:read"))
                .containsEntry("security", List.of(Map.of("bearer", List.of()), Map.of("apiKey", List.of())));
        assertThat(paths(document).get("/api-keys/{id}")).containsKey("delete");
        assertThat(paths(document).get("/oauth/token").get("post")).containsEntry("security", List.of());
        assertThat(paths(document)
                        .get("/.well-known/oauth-protected-resource/{path}")
                        .get("get"))
                .isNotNull();
    }
}
