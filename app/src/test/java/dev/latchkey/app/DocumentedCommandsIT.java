package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell blocks of README.md and docs/profiles.md, run verbatim against the jar this build just
 * made, so that the docs cannot drift from the product.
 *
 * <p>The rules a doc follows: a {@code bash} block that starts a server ({@code java -jar
 * app/target/latchkey.jar server …}, after an optional {@code ./mvnw … &&} that this build has done
 * already) and is followed by blocks that carry expectations is started in a fresh directory on free
 * ports, and those blocks are run in one shell, in order (a server command shown alone, such as the
 * PostgreSQL example, is not run). An expectation is a comment {@code # → STATUS} or
 * {@code # → STATUS code} after a {@code curl}; every {@code curl} has exactly one, and each answer's
 * status and problem {@code code} must be the expected ones. {@code localhost:8080} (and the admin
 * port's {@code localhost:8081}) in a command reaches the server under test. Blocks without
 * expectations (build and test commands) are not run. Afterwards the server's log must hold none
 * of the keys, tokens and passwords the walkthrough used or was given.
 */
class DocumentedCommandsIT {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path JAR = Path.of("target/latchkey.jar").toAbsolutePath();
    private static final String SERVER = "java -jar app/target/latchkey.jar server ";
    private static final Pattern EXPECTATION = Pattern.compile("#[ \\t]*→[ \\t]*(\\d{3})(?:[ \\t]+([a-z_]+))?");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /** Runs every curl through the real one, noting "status code" per call; localhost:8080 is the server under test. */
    private static final String CURL_RECORDER = """
            set -eo pipefail
            curl() {
              local args=() a out status body code
              for a in "$@"; do a="${a//localhost:8080/localhost:$LATCHKEY_PORT}"; args+=("${a//localhost:8081/localhost:$LATCHKEY_ADMIN_PORT}"); done
              out=$(command curl -sS --max-time 20 -w '\\n%{http_code}' "${args[@]}")
              status=${out##*$'\\n'}
              body=${out%$'\\n'*}
              code=$(printf '%s' "$body" | sed -nE 's/.*"code":"([^"]+)".*/\\1/p')
              echo "$status${code:+ $code}" >> "$CURL_LOG"
              printf '%s' "$body"
            }
            """;

    @TempDir
    Path work;

    /** A server command and the checks that follow it in one document. */
    record Walkthrough(String document, String server, String checks, List<String> expected) {}

    @TestFactory
    Stream<DynamicTest> everyDocumentedWalkthroughRunsAsWritten() throws IOException {
        assertThat(JAR).as("the jar this build packages").exists();
        List<Walkthrough> walkthroughs = new ArrayList<>();
        walkthroughs.addAll(walkthroughs("README.md"));
        walkthroughs.addAll(walkthroughs("docs/profiles.md"));
        walkthroughs.addAll(walkthroughs("docs/operations.md"));
        assertThat(walkthroughs)
                .as("README.md, docs/profiles.md and docs/operations.md have walkthroughs")
                .hasSizeGreaterThan(4);
        return walkthroughs.stream()
                .map(walkthrough -> DynamicTest.dynamicTest(
                        walkthrough.document() + ": " + walkthrough.server(), () -> run(walkthrough)));
    }

    static List<Walkthrough> walkthroughs(String document) throws IOException {
        List<String> blocks = bashBlocks(Files.readString(REPOSITORY.resolve(document)));
        List<Walkthrough> found = new ArrayList<>();
        String server = null;
        StringBuilder checks = new StringBuilder();
        for (String block : blocks) {
            String command = serverCommand(block);
            if (command != null) {
                if (server != null && !checks.isEmpty()) {
                    found.add(walkthrough(document, server, checks.toString()));
                }
                server = command;
                checks.setLength(0);
            } else if (server != null && EXPECTATION.matcher(block).find()) {
                checks.append(block).append('\n');
            }
        }
        if (server != null && !checks.isEmpty()) {
            found.add(walkthrough(document, server, checks.toString()));
        }
        return found;
    }

    private static Walkthrough walkthrough(String document, String server, String checks) {
        List<String> expected = new ArrayList<>();
        Matcher matcher = EXPECTATION.matcher(checks);
        while (matcher.find()) {
            expected.add(matcher.group(1) + (matcher.group(2) == null ? "" : " " + matcher.group(2)));
        }
        long curls =
                Pattern.compile("(^|[\\s($])curl\\s").matcher(checks).results().count();
        assertThat(expected)
                .as(document + ": every curl after `" + server + "` states what it gets (# → …)")
                .hasSize((int) curls);
        assertThat(expected)
                .as(document + ": `" + server + "` is followed by checks")
                .isNotEmpty();
        return new Walkthrough(document, server, checks, expected);
    }

    private static List<String> bashBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : markdown.split("\n", -1)) {
            if (block == null && line.strip().equals("```bash")) {
                block = new StringBuilder();
            } else if (block != null && line.strip().equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** The server command of a block, without a build step this build has already done; else null. */
    private static String serverCommand(String block) {
        String joined = block.replace("\\\n", " ");
        for (String line : joined.split("\n")) {
            int at = line.indexOf(SERVER);
            if (at >= 0) {
                String command = line.strip();
                if (command.startsWith("./mvnw ")) {
                    command = command.substring(command.lastIndexOf("&& ") + 3);
                }
                return command;
            }
        }
        return null;
    }

    private void run(Walkthrough walkthrough) throws Exception {
        Path dir = Files.createTempDirectory(work, "walkthrough");
        Files.createDirectories(dir.resolve("app/target"));
        Files.createSymbolicLink(dir.resolve("app/target/latchkey.jar"), JAR);
        Files.copy(REPOSITORY.resolve("config.yml"), dir.resolve("config.yml"));
        Files.createDirectories(dir.resolve("profiles"));
        try (Stream<Path> profiles = Files.list(REPOSITORY.resolve("profiles"))) {
            for (Path profile : profiles.toList()) {
                Files.copy(profile, dir.resolve("profiles").resolve(profile.getFileName()));
            }
        }
        int port = freePort();
        int adminPort = freePort();
        Path serverLog = dir.resolve("server.log");
        ProcessBuilder serverProcess = new ProcessBuilder("bash", "-c", walkthrough.server())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(serverLog.toFile());
        serverProcess.environment().put("LATCHKEY_PORT", Integer.toString(port));
        serverProcess.environment().put("LATCHKEY_ADMIN_PORT", Integer.toString(adminPort));
        Process server = serverProcess.start();
        try {
            String ready = awaitReady(server, serverLog);
            assertThat(ready)
                    .as("the admin port listens on loopback by default")
                    .contains("admin 127.0.0.1:" + adminPort);

            Path curlLog = dir.resolve("curl.log");
            Files.writeString(curlLog, "");
            ProcessBuilder checks = new ProcessBuilder("bash", "-c", CURL_RECORDER + walkthrough.checks())
                    .directory(dir.toFile())
                    .redirectErrorStream(true);
            checks.environment().put("LATCHKEY_PORT", Integer.toString(port));
            checks.environment().put("LATCHKEY_ADMIN_PORT", Integer.toString(adminPort));
            checks.environment().put("CURL_LOG", curlLog.toString());
            Process shell = checks.start();
            String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!shell.waitFor(120, TimeUnit.SECONDS)) {
                shell.destroyForcibly();
                fail("the checks did not finish:\n" + output);
            }
            List<String> actual = Files.readAllLines(curlLog);
            assertThat(actual)
                    .as(walkthrough.document() + ", what each curl got; the shell said:\n" + output)
                    .containsExactlyElementsOf(walkthrough.expected());
            assertThat(shell.exitValue())
                    .as("every command succeeded:\n" + output)
                    .isZero();
            String log = Files.readString(serverLog);
            for (String secret : secretsIn(walkthrough.checks() + "\n" + output)) {
                assertThat(log)
                        .as("the server's log never holds a credential or password the walkthrough used")
                        .doesNotContain(secret);
            }
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** API-key secrets (past their public prefix), JWT bodies and passwords that a walkthrough used or got. */
    static List<String> secretsIn(String text) {
        List<String> secrets = new ArrayList<>();
        Matcher key = Pattern.compile("sk_live_[A-Za-z0-9]{38}").matcher(text);
        while (key.find()) {
            secrets.add(key.group().substring(16));
        }
        Matcher jwt =
                Pattern.compile("eyJ[A-Za-z0-9_-]+\\.([A-Za-z0-9_-]{10,})\\.").matcher(text);
        while (jwt.find()) {
            secrets.add(jwt.group(1));
        }
        Matcher password = Pattern.compile("\"password\":\"([^\"]+)\"").matcher(text);
        while (password.find()) {
            secrets.add(password.group(1));
        }
        return secrets;
    }

    private static String awaitReady(Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log);
            int ready = text.indexOf("Latchkey ready: ");
            if (ready >= 0) {
                int end = text.indexOf('\n', ready);
                return text.substring(ready, end < 0 ? text.length() : end);
            }
            if (!server.isAlive()) {
                fail("the server stopped:\n" + text);
            }
            Thread.sleep(100);
        }
        return fail("the server did not say it was ready:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
