package dev.latchkey.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.actor.mapping.ManageActorMappings;
import dev.latchkey.domain.audit.Initiator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code actors import --tenant ws_… --from mappings.json config.yml}: creates or updates actor
 * mappings in bulk from a JSON array of {@code {"provider"?, "subject", "kind", "role",
 * "owner_scopes"?, "status"?, "organization_wide"?}}. All entries are checked before any is written.
 *
 * <p>{@code actors bind --tenant ws_… --organization org_… [--move] config.yml}: binds a provider
 * organization to the workspace, whose mappings then decide for that organization's identities and
 * no other workspace's do. Only the operator binds: a tenant admin cannot prove an organization is
 * theirs.
 */
final class ActorsCommand extends CoreCommand {

    ActorsCommand(PrintStream out) {
        super("actors", "Import actor mappings (external identity -> actor) from a JSON file", out);
    }

    /** One line of the import file. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Entry(
            String provider,
            String subject,
            String kind,
            String role,
            List<String> ownerScopes,
            String status,
            Boolean organizationWide) {}

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("import", "bind").help("import mappings, or bind an organization");
        subparser.addArgument("--tenant").required(true).help("the workspace id the mappings belong to");
        subparser.addArgument("--from").dest("mappings").help("import: a JSON file, an array of mappings");
        subparser.addArgument("--organization").help("bind: the provider's organization id (org_…)");
        subparser.addArgument("--provider").setDefault("workos").help("bind: the provider (default workos)");
        subparser
                .addArgument("--move")
                .action(net.sourceforge.argparse4j.impl.Arguments.storeTrue())
                .help("bind: move the organization away from the live workspace that holds it");
        super.configure(subparser);
    }

    @Override
    protected void run(LatchkeyCore core, Namespace namespace) throws Exception {
        String tenant = namespace.getString("tenant");
        if ("bind".equals(namespace.getString("action"))) {
            String organization = namespace.getString("organization");
            if (organization == null) {
                throw new IllegalArgumentException("actors bind needs --organization org_…");
            }
            core.workspaces.manageActorMappings.bindOrganization(
                    tenant,
                    namespace.getString("provider"),
                    organization,
                    namespace.getBoolean("move"),
                    Initiator.operator("actors-bind"));
            out.println(new ObjectMapper().writeValueAsString(Map.of("bound", organization, "tenant", tenant)));
            return;
        }
        if (namespace.getString("mappings") == null) {
            throw new IllegalArgumentException("actors import needs --from mappings.json");
        }
        List<Entry> entries = Arrays.asList(new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(Path.of(namespace.getString("mappings")).toFile(), Entry[].class));
        List<ManageActorMappings.Request> requests =
                entries.stream().map(ActorsCommand::request).toList();
        Initiator operator = Initiator.operator("actors-import");
        requests.forEach(request -> core.workspaces.manageActorMappings.save(tenant, request, operator));
        out.println(new ObjectMapper().writeValueAsString(Map.of("imported", requests.size(), "tenant", tenant)));
    }

    private static ManageActorMappings.Request request(Entry e) {
        ActorKind kind = Arrays.stream(ActorKind.values())
                .filter(k -> k.wireName().equals(e.kind()))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("kind must be human, service or agent: " + e.subject()));
        ActorStatus status = e.status() == null
                ? ActorStatus.ACTIVE
                : ActorStatus.valueOf(e.status().toUpperCase(Locale.ROOT));
        return new ManageActorMappings.Request(
                e.provider() == null ? "workos" : e.provider(),
                e.subject(),
                kind,
                e.role(),
                e.ownerScopes() == null ? Set.of() : Set.copyOf(e.ownerScopes()),
                status,
                Boolean.TRUE.equals(e.organizationWide()));
    }
}
