package dev.latchkey.http.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.lifecycle.BootstrapWorkspace;
import dev.latchkey.domain.workspace.lifecycle.DeleteWorkspace;
import dev.latchkey.domain.workspace.lifecycle.ReadWorkspace;
import dev.latchkey.http.RequestSource;
import dev.latchkey.http.auth.Authenticated;
import dev.latchkey.http.auth.CallerContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;

/** Workspaces for signed-in users. */
@Path("/workspaces")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class WorkspaceResource {
    private final BootstrapWorkspace bootstrap;
    private final DeleteWorkspace delete;
    private final ReadWorkspace read;

    public WorkspaceResource(BootstrapWorkspace bootstrap, DeleteWorkspace delete, ReadWorkspace read) {
        this.bootstrap = bootstrap;
        this.delete = delete;
        this.read = read;
    }

    /** The caller's workspace as its members see it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record WorkspaceView(String id, String name, String createdAt) {}

    /** The caller's own workspace, by id and name (the console names it); 403 {@code no_workspace} without one. */
    @GET
    @Path("/current")
    @Authenticated
    public WorkspaceView current(@Context SecurityContext security) {
        Workspace workspace = read.of(CallerContext.principal(security));
        return new WorkspaceView(
                workspace.id(), workspace.name(), workspace.createdAt().toString());
    }

    /** Deletes the caller's own workspace; its keys and tokens stop working. */
    @DELETE
    @Path("/{id}")
    @Authenticated(scopes = "workspaces:delete")
    public Response delete(
            @PathParam("id") String id, @Context SecurityContext security, @Context HttpServletRequest http) {
        var caller = CallerContext.principal(security);
        delete.execute(caller, id, RequestSource.initiator(caller, http));
        return Response.noContent().build();
    }

    /** Optional body of {@code POST /workspaces/bootstrap}. */
    public record BootstrapRequest(String name) {}

    /** The workspace, the first key only when this call created it, and a token bound to the workspace. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BootstrapResponse(
            String workspaceId,
            String name,
            boolean created,
            String apiKey,
            String accessToken,
            String tokenType,
            long expiresIn) {}

    /** The only route a signed-in user without a workspace may call; idempotent. */
    @POST
    @Path("/bootstrap")
    @Authenticated
    public Response bootstrap(
            BootstrapRequest body, @Context SecurityContext security, @Context HttpServletRequest http) {
        var caller = CallerContext.principal(security);
        BootstrapWorkspace.Result result = bootstrap.execute(
                caller, Optional.ofNullable(body).map(BootstrapRequest::name), RequestSource.initiator(caller, http));
        BootstrapResponse response = new BootstrapResponse(
                result.workspace().id(),
                result.workspace().name(),
                result.created(),
                result.firstKey().map(k -> k.secret().value()).orElse(null),
                result.accessToken().value(),
                "Bearer",
                result.accessToken().expiresIn().toSeconds());
        return TokenResponse.ok(
                        Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK), response)
                .build();
    }
}
