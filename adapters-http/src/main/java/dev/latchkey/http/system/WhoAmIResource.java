package dev.latchkey.http.system;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.http.auth.Authenticated;
import dev.latchkey.http.auth.CallerContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/** The verified principal, as Latchkey sees it; the credential's id, never its secret. */
@Path("/whoami")
@Produces(MediaType.APPLICATION_JSON)
public final class WhoAmIResource {

    /** The principal on the wire; {@code impersonated_by} only in a session someone opened in the person's name. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record WhoAmI(
            String actorId,
            String actorKind,
            String role,
            String tenantId,
            String credentialKind,
            String credentialId,
            List<String> scopes,

            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            String impersonatedBy) {}

    @GET
    @Authenticated
    public WhoAmI whoami(@Context SecurityContext security) {
        Principal p = CallerContext.principal(security);
        return new WhoAmI(
                p.actor().id(),
                p.actor().kind().wireName(),
                p.actor().role(),
                p.tenantId().orElse(null),
                p.credentialKind().wireName(),
                p.credentialId(),
                p.scopes().asStrings(),
                p.impersonator().orElse(null));
    }
}
