package dev.latchkey.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.actor.ManageActorMappings;
import dev.latchkey.domain.common.Initiator;
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
 * "owner_scopes"?, "status"?}}. All entries are checked before any is written.
 */
final class ActorsCommand extends CoreCommand {

    ActorsCommand(PrintStream out) {
        super("actors", "Import actor mappings (external identity -> actor) from a JSON file", out);
    }

    /** One line of the import file. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Entry(String provider, String subject, String kind, String role, List<String> ownerScopes, String status) {
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("import").help("what to do with actor mappings");
        subparser.addArgument("--tenant").required(true).help("the workspace id the mappings belong to");
        subparser.addArgument("--from").dest("mappings").required(true).help("a JSON file: an array of mappings");
        super.configure(subparser);
    }

    @Override
    protected void run(LatchkeyCore core, Namespace namespace) throws Exception {
        List<Entry> entries = Arrays.asList(new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(Path.of(namespace.getString("mappings")).toFile(), Entry[].class));
        List<ManageActorMappings.Request> requests = entries.stream().map(ActorsCommand::request).toList();
        String tenant = namespace.getString("tenant");
        Initiator operator = Initiator.operator("actors-import");
        requests.forEach(request -> core.manageActorMappings.save(tenant, request, operator));
        out.println(new ObjectMapper().writeValueAsString(Map.of("imported", requests.size(), "tenant", tenant)));
    }

    private static ManageActorMappings.Request request(Entry e) {
        ActorKind kind = Arrays.stream(ActorKind.values()).filter(k -> k.wireName().equals(e.kind())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kind must be human, service or agent: " + e.subject()));
        ActorStatus status = e.status() == null ? ActorStatus.ACTIVE
                : ActorStatus.valueOf(e.status().toUpperCase(Locale.ROOT));
        return new ManageActorMappings.Request(e.provider() == null ? "workos" : e.provider(), e.subject(), kind,
                e.role(), e.ownerScopes() == null ? Set.of() : Set.copyOf(e.ownerScopes()), status);
    }
}
