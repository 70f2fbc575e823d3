package dev.latchkey.http.actor;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.actor.mapping.ActorMapping;
import dev.latchkey.domain.actor.mapping.ManageActorMappings;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.http.RequestSource;
import dev.latchkey.http.RequestValues;
import dev.latchkey.http.auth.Authenticated;
import dev.latchkey.http.auth.CallerContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Tenant admins map external identities (WorkOS users, organizations, API keys) to actors. */
@Path("/actor-mappings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ActorMappingResource {
    private final ManageActorMappings mappings;

    public ActorMappingResource(ManageActorMappings mappings) {
        this.mappings = mappings;
    }

    /**
     * A mapping on the wire; {@code provider} defaults to {@code workos}, {@code status} to active,
     * {@code organization_wide} to false (true maps a bound organization: every member of it).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MappingView(
            String provider,
            String subject,
            String actorId,
            String kind,
            String role,
            String tenantId,
            List<String> ownerScopes,
            String status,
            Boolean organizationWide) {

        static MappingView of(ActorMapping m) {
            return new MappingView(
                    m.provider(),
                    m.subject(),
                    m.actor().id(),
                    m.actor().kind().wireName(),
                    m.actor().role(),
                    m.actor().tenantId().orElse(null),
                    List.copyOf(new TreeSet<>(m.actor().ownerScopes())),
                    m.actor().status().name().toLowerCase(Locale.ROOT),
                    m.organizationWide());
        }
    }

    /** The organizations whose identities this workspace's mappings decide for (bound by the operator). */
    @GET
    @Path("/organizations")
    @Authenticated(scopes = "actors:read")
    public Map<String, List<String>> organizations(
            @Context SecurityContext security, @jakarta.ws.rs.QueryParam("provider") String provider) {
        return Map.of(
                "data",
                mappings.organizations(CallerContext.principal(security), provider == null ? "workos" : provider));
    }

    @GET
    @Authenticated(scopes = "actors:read")
    public Map<String, List<MappingView>> list(@Context SecurityContext security) {
        return Map.of(
                "data",
                mappings.list(CallerContext.principal(security)).stream()
                        .map(MappingView::of)
                        .collect(Collectors.toList()));
    }

    /** Creates or updates the mapping of {@code (provider, subject)}; {@code status: inactive} deactivates it. */
    @PUT
    @Authenticated(scopes = "actors:write")
    public MappingView save(MappingView body, @Context SecurityContext security, @Context HttpServletRequest http) {
        MappingView request = RequestValues.requireBody(body);
        Principal caller = CallerContext.principal(security);
        ActorMapping saved = mappings.save(
                caller,
                new ManageActorMappings.Request(
                        request.provider() == null ? "workos" : request.provider(),
                        request.subject(),
                        kind(request.kind()),
                        request.role(),
                        request.ownerScopes() == null ? Set.of() : Set.copyOf(request.ownerScopes()),
                        status(request.status()),
                        Boolean.TRUE.equals(request.organizationWide())),
                RequestSource.initiator(caller, http));
        return MappingView.of(saved);
    }

    private static ActorKind kind(String text) {
        return Arrays.stream(ActorKind.values())
                .filter(k -> k.wireName().equals(text))
                .findFirst()
                .orElseThrow(() -> RequestRejected.invalid("kind must be human, service or agent"));
    }

    private static ActorStatus status(String text) {
        if (text == null) {
            return ActorStatus.ACTIVE;
        }
        return Arrays.stream(ActorStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> RequestRejected.invalid("status must be active or inactive"));
    }
}
