package dev.latchkey.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.domain.common.Initiator;
import dev.latchkey.domain.workspace.CreateWorkspace;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code workspace create --name NAME config.yml}: creates a workspace and prints, once, its first
 * API key (every scope) as one JSON object on standard output; logs go to standard error.
 */
final class WorkspaceCommand extends ConfiguredCommand<LatchkeyConfiguration> {
    private final PrintStream out;

    WorkspaceCommand(PrintStream out) {
        super("workspace", "Create a workspace and print its first API key (shown once)");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("create").help("what to do with workspaces");
        subparser.addArgument("--name").required(true).help("the workspace's display name");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<LatchkeyConfiguration> bootstrap, Namespace namespace,
            LatchkeyConfiguration configuration) throws Exception {
        Databases.migrate(configuration.getDataSourceFactory());
        ManagedDataSource dataSource = configuration.getDataSourceFactory()
                .build(bootstrap.getMetricRegistry(), "workspace-command");
        try {
            Clock clock = Clock.tickMillis(ZoneOffset.UTC);
            LatchkeyCore core = LatchkeyApplication.core(configuration, Jdbi.create(dataSource),
                    bootstrap.getMetricRegistry(), clock);
            CreateWorkspace.Created created = core.createWorkspace.execute(namespace.getString("name"),
                    Initiator.operator("workspace-create"));
            Map<String, String> json = new LinkedHashMap<>();
            json.put("workspace_id", created.workspace().id());
            json.put("api_key", created.firstKey().secret().value());
            out.println(new ObjectMapper().writeValueAsString(json));
            out.flush();
        } finally {
            dataSource.stop();
        }
    }
}
