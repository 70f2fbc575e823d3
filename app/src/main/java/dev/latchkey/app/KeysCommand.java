package dev.latchkey.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.domain.workloadtoken.StoredSigningKey;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code keys rotate config.yml}: adds a new workload-token signing key. It is published at once and
 * signs after {@code workloadTokens.activationDelay}; the current key signs until then and stays
 * published until its last token has expired. Prints the new key's id and activation time.
 */
final class KeysCommand extends CoreCommand {

    KeysCommand(PrintStream out) {
        super("keys", "Rotate the workload-token signing key", out);
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("rotate").help("what to do with signing keys");
        super.configure(subparser);
    }

    @Override
    protected void run(LatchkeyCore core, Namespace namespace) throws Exception {
        StoredSigningKey key = core.agents.signingKeys.rotate();
        Map<String, String> json = new LinkedHashMap<>();
        json.put("kid", key.kid());
        json.put("activates_at", key.activatesAt().toString());
        out.println(new ObjectMapper().writeValueAsString(json));
    }
}
