package dev.latchkey.http.apikey;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.http.auth.Public;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The local API-key routes while WorkOS is the key authority: every one answers 410
 * {@code api_key_management_retired} with a pointer, to anyone — the route itself is gone, so no
 * credential is asked for.
 */
@Path("/api-keys")
@Produces(MediaType.APPLICATION_JSON)
public final class RetiredApiKeyResource {
    static final String POINTER = "Local API-key management is retired: create, rotate and revoke machine "
            + "credentials in WorkOS API Keys (dashboard, or POST /organizations/{id}/api_keys)";

    private static AuthFailure retired() {
        return new AuthFailure(AuthError.API_KEY_MANAGEMENT_RETIRED, POINTER);
    }

    @POST
    @Public
    public void create() {
        throw retired();
    }

    @GET
    @Public
    public void list() {
        throw retired();
    }

    @DELETE
    @Path("/{id}")
    @Public
    public void revoke(@PathParam("id") String id) {
        throw retired();
    }

    @POST
    @Path("/{id}/roll")
    @Public
    public void roll(@PathParam("id") String id) {
        throw retired();
    }
}
