package dev.latchkey.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.workspace.lifecycle.CreateWorkspace;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code workspace create --name NAME config.yml}: creates a workspace and prints, once, its first
 * API key (every scope) as one JSON object on standard output; logs go to standard error.
 */
final class WorkspaceCommand extends CoreCommand {

    WorkspaceCommand(PrintStream out) {
        super("workspace", "Create a workspace and print its first API key (shown once)", out);
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("create").help("what to do with workspaces");
        subparser.addArgument("--name").required(true).help("the workspace's display name");
        super.configure(subparser);
    }

    @Override
    protected void run(LatchkeyCore core, Namespace namespace) throws Exception {
        CreateWorkspace.Created created = core.workspaces.createWorkspace.execute(
                namespace.getString("name"), Initiator.operator("workspace-create"));
        Map<String, String> json = new LinkedHashMap<>();
        json.put("workspace_id", created.workspace().id());
        json.put("api_key", created.firstKey().secret().value());
        out.println(new ObjectMapper().writeValueAsString(json));
    }
}
