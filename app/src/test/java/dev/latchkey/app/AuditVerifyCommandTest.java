package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code latchkey audit verify}: an intact trail verifies, and a row edited or deleted behind the
 * store's back — straight in the database, as an intruder or a careless operator would — is found,
 * named, and fails the command.
 */
class AuditVerifyCommandTest {
    @TempDir
    Path dir;

    /** A workspace with three audited events, written through the real store. */
    private List<String> threeEvents(OperatorCommandLine command) throws Exception {
        assertThat(command.run("workspace", "create", "--name", "Audited"))
                .as(command.errors())
                .isEmpty();
        String workspace = command.json().get("workspace_id");
        AuditLog log = command.stores().auditLog();
        for (int i = 1; i <= 3; i++) {
            log.append(new AuditEvent(
                    "evt_tamper" + i,
                    workspace,
                    Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i),
                    "usr_admin",
                    Optional.empty(),
                    "api_key.revoked",
                    Optional.of("key_" + i),
                    Optional.of("203.0.113.9"),
                    Map.of("name", "key " + i)));
        }
        return List.of(workspace, "evt_tamper1", "evt_tamper2", "evt_tamper3");
    }

    @Test
    void anIntactTrailVerifiesWorkspaceByWorkspace() throws Exception {
        OperatorCommandLine command = new OperatorCommandLine(dir, "intact");
        String workspace = threeEvents(command).get(0);

        assertThat(command.run("audit", "verify")).as(command.errors()).isEmpty();
        assertThat(command.printed())
                .contains("\"workspace_id\":\"" + workspace + "\"")
                .contains("\"intact\":true")
                .doesNotContain("\"intact\":false");
        assertThat(command.run("audit", "verify", "--tenant", workspace)).isEmpty();
        assertThat(command.printed().lines()).hasSize(1);
    }

    @Test
    void anEditedEventIsFoundAndFailsTheCommand() throws Exception {
        OperatorCommandLine command = new OperatorCommandLine(dir, "edited");
        List<String> ids = threeEvents(command);
        Jdbi.create(command.url, "sa", "")
                .useHandle(h ->
                        h.execute("UPDATE audit_events SET actor_id = 'usr_someone_else' WHERE id = ?", ids.get(2)));

        assertThat(command.run("audit", "verify", "--tenant", ids.get(0))).isPresent();
        assertThat(command.printed())
                .contains("\"intact\":false")
                .contains("\"broken_at_event\":\"" + ids.get(2) + "\"")
                .contains("changed after it was written");
        assertThat(command.errors()).contains("1 of 1 workspaces' audit chains are broken");
    }

    @Test
    void aDeletedEventIsFoundAtTheEventAfterIt() throws Exception {
        OperatorCommandLine command = new OperatorCommandLine(dir, "deleted");
        List<String> ids = threeEvents(command);
        Jdbi.create(command.url, "sa", "")
                .useHandle(h -> h.execute("DELETE FROM audit_events WHERE id = ?", ids.get(2)));

        assertThat(command.run("audit", "verify")).isPresent();
        assertThat(command.printed())
                .contains("\"broken_at_event\":\"" + ids.get(3) + "\"")
                .contains("an event between them is missing");
    }
}
