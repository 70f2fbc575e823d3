package dev.latchkey.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.oauth.ManageMachineClients;
import dev.latchkey.domain.oauth.OAuthClient;
import dev.latchkey.domain.scope.ScopeSet;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code oauth-clients create --tenant ws_… --name NAME [--scopes "a b"] [--method M] [--jwks FILE]
 * config.yml}: creates a machine client in a workspace as the operator (who stands in for its owner,
 * so any scopes may be given), printing its id — and its secret, once — as JSON; {@code oauth-clients
 * list --tenant ws_…} lists them. Deleting one is an admin's, in the API or the console, where the
 * running servers hear it at once.
 */
final class OAuthClientsCommand extends CoreCommand {

    OAuthClientsCommand(PrintStream out) {
        super("oauth-clients", "Create or list a workspace's machine clients (client_credentials)", out);
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("create", "list").help("what to do with machine clients");
        subparser.addArgument("--tenant").required(true).help("the workspace id (ws_…) the clients belong to");
        subparser.addArgument("--name").help("the client's display name (create)");
        subparser.addArgument("--scopes").help("space-separated scopes it may hold (create; default: every scope)");
        subparser
                .addArgument("--method")
                .choices("client_secret_basic", "client_secret_post", "private_key_jwt")
                .help("how it authenticates (create; default client_secret_basic)");
        subparser.addArgument("--jwks").help("a file holding its public JWK Set (create, private_key_jwt)");
        super.configure(subparser);
    }

    @Override
    protected void run(LatchkeyCore core, Namespace namespace) throws Exception {
        ManageMachineClients clients = core.oauth
                .map(oauth -> oauth.machineClients)
                .orElseThrow(() -> new IllegalArgumentException("oauth.enabled is false: there are no OAuth clients"));
        String workspace = namespace.getString("tenant");
        core.base
                .stores
                .workspaces()
                .findById(workspace)
                .filter(live -> !live.isDeleted())
                .orElseThrow(() -> new IllegalArgumentException("there is no live workspace " + workspace));
        ObjectMapper json = new ObjectMapper();
        if (namespace.getString("action").equals("list")) {
            List<Map<String, Object>> listed = clients.list(workspace).stream()
                    .map(client -> view(client, Optional.empty()))
                    .toList();
            out.println(json.writeValueAsString(Map.of("data", listed)));
            return;
        }
        String name = Optional.ofNullable(namespace.getString("name"))
                .orElseThrow(() -> new IllegalArgumentException("--name is required to create a client"));
        Optional<String> jwks = Optional.ofNullable(namespace.getString("jwks")).map(file -> {
            try {
                return Files.readString(Path.of(file));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read --jwks " + file + ": " + e.getMessage(), e);
            }
        });
        ManageMachineClients.Created created = clients.create(
                workspace,
                new ManageMachineClients.Command(
                        name,
                        Optional.ofNullable(namespace.getString("scopes")).map(ScopeSet::parseSpaceSeparated),
                        Optional.ofNullable(namespace.getString("method")),
                        jwks),
                ScopeSet.ALL,
                Initiator.operator("oauth-clients-create"));
        out.println(json.writeValueAsString(view(created.client(), created.secret())));
    }

    private static Map<String, Object> view(OAuthClient client, Optional<String> secret) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("client_id", client.clientId());
        view.put("client_name", client.displayName());
        view.put("scopes", client.scope().orElse(""));
        view.put("token_endpoint_auth_method", client.authMethod().wireName());
        secret.ifPresent(value -> view.put("client_secret", value));
        return view;
    }
}
