package dev.latchkey.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.domain.audit.VerifyAuditTrail;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code audit verify config.yml [--tenant ws_…]}: recomputes every workspace's audit hash chain and
 * prints one JSON line per workspace (events checked, events that predate the chain, the head hash,
 * and where and why a broken chain breaks). Exits non-zero when any chain is broken. Record the heads
 * somewhere else to catch the newest events being removed, which leaves a shorter chain that verifies.
 */
final class AuditCommand extends CoreCommand {

    /** At least one workspace's chain does not verify; the lines printed say where. */
    static final class BrokenChain extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BrokenChain(long broken, long of) {
            super(broken + " of " + of + " workspaces' audit chains are broken (see the lines above)");
        }
    }

    AuditCommand(PrintStream out) {
        super("audit", "Verify the audit trail's hash chains", out);
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("verify").help("what to do with the audit trail");
        subparser.addArgument("--tenant").help("one workspace id (ws_…); default: every workspace");
        super.configure(subparser);
    }

    @Override
    protected void run(LatchkeyCore core, Namespace namespace) throws Exception {
        VerifyAuditTrail verify = new VerifyAuditTrail(core.base.stores.auditLog());
        String tenant = namespace.getString("tenant");
        List<VerifyAuditTrail.Verdict> verdicts =
                tenant == null ? verify.everyWorkspace() : List.of(verify.workspace(tenant));
        ObjectMapper json = new ObjectMapper();
        for (VerifyAuditTrail.Verdict verdict : verdicts) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("workspace_id", verdict.workspaceId());
            line.put("intact", verdict.intact());
            line.put("events_checked", verdict.chained());
            line.put("events_before_the_chain", verdict.unchained());
            line.put("head", verdict.head());
            verdict.broken().ifPresent(at -> {
                line.put("broken_at_event", at.eventId());
                line.put("reason", at.reason());
            });
            out.println(json.writeValueAsString(line));
        }
        long broken = verdicts.stream().filter(v -> !v.intact()).count();
        out.flush();
        if (broken > 0) {
            throw new BrokenChain(broken, verdicts.size());
        }
    }
}
