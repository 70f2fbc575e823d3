package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clone with nothing beside it builds and passes: no file of the repository reaches outside it, and
 * every relative link in the docs leads to a file that exists.
 */
class RepositoryIsSelfContainedTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    /** Built, installed or generated, never committed (.gitignore). */
    private static final Set<String> NOT_SOURCES =
            Set.of(".git", "target", "node_modules", "data", "artifacts", "results");
    /** The folder beside the repository that only our own machines have; spelt in two parts so this file passes. */
    private static final String OUTSIDE = ".." + "/shared";

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void noFileRefersToAFolderBesideTheRepository() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            String text = text(file);
            if (text != null && text.contains(OUTSIDE)) {
                offenders.add(REPOSITORY.relativize(file).toString());
            }
        }
        assertThat(offenders)
                .as("files referring to " + OUTSIDE + " (bring what they need into the repository)")
                .isEmpty();
    }

    @Test
    void everyRelativeLinkInTheDocsLeadsToAFile() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : sources()) {
            if (!file.toString().endsWith(".md")) {
                continue;
            }
            Matcher link = MARKDOWN_LINK.matcher(Files.readString(file));
            while (link.find()) {
                String target = link.group(1);
                if (!target.contains("://")
                        && !target.startsWith("mailto:")
                        && !Files.exists(file.getParent().resolve(target))) {
                    broken.add(REPOSITORY.relativize(file) + " → " + target);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    private static List<Path> sources() throws IOException {
        assertThat(REPOSITORY.resolve("README.md")).exists();
        try (Stream<Path> walk = Files.walk(REPOSITORY)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> REPOSITORY.relativize(path).toString().isEmpty()
                            || Stream.of(REPOSITORY.relativize(path).toString().split("/"))
                                    .noneMatch(NOT_SOURCES::contains))
                    .toList();
        }
    }

    /** The file as text, or null for a binary file. */
    private static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return null;
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
