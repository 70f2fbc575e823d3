package dev.latchkey.http.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.membership.ManageMembers;
import dev.latchkey.domain.membership.Role;
import dev.latchkey.http.RequestSource;
import dev.latchkey.http.RequestValues;
import dev.latchkey.http.auth.Authenticated;
import dev.latchkey.http.auth.CallerContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Members of the caller's workspace: list, invite by email, change role, remove. */
@Path("/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class MembersResource {
    private final ManageMembers members;

    public MembersResource(ManageMembers members) {
        this.members = members;
    }

    /** {@code POST /members} body. */
    public record InviteRequest(String email, String role) {}

    /** {@code PUT /members/{user_id}} body. */
    public record RoleRequest(String role) {}

    /** A member, or a pending invitation (no {@code user_id} yet). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MemberView(String userId, String email, String role, String status) {
        static MemberView of(ManageMembers.Member m) {
            return new MemberView(
                    m.userId().orElse(null), m.email(), m.role().wireName(), m.pending() ? "pending" : "active");
        }
    }

    @GET
    @Authenticated(scopes = "members:read")
    public Map<String, List<MemberView>> list(@Context SecurityContext security) {
        return Map.of(
                "data",
                members.list(CallerContext.principal(security)).stream()
                        .map(MemberView::of)
                        .collect(Collectors.toList()));
    }

    @POST
    @Authenticated(scopes = "members:write")
    public Response invite(InviteRequest body, @Context SecurityContext security, @Context HttpServletRequest http) {
        InviteRequest request = RequestValues.requireBody(body);
        Principal caller = CallerContext.principal(security);
        ManageMembers.Member member =
                members.invite(caller, request.email(), role(request.role()), RequestSource.initiator(caller, http));
        return Response.status(Response.Status.CREATED)
                .entity(MemberView.of(member))
                .build();
    }

    @PUT
    @Path("/{userId}")
    @Authenticated(scopes = "members:write")
    public Response changeRole(
            @PathParam("userId") String userId,
            RoleRequest body,
            @Context SecurityContext security,
            @Context HttpServletRequest http) {
        Principal caller = CallerContext.principal(security);
        members.changeRole(
                caller, userId, role(RequestValues.requireBody(body).role()), RequestSource.initiator(caller, http));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{userId}")
    @Authenticated(scopes = "members:write")
    public Response remove(
            @PathParam("userId") String userId, @Context SecurityContext security, @Context HttpServletRequest http) {
        Principal caller = CallerContext.principal(security);
        members.remove(caller, userId, RequestSource.initiator(caller, http));
        return Response.noContent().build();
    }

    private static Role role(String text) {
        try {
            return Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.invalid("role must be owner, admin, member or viewer");
        }
    }
}
