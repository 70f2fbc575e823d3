package dev.latchkey.http.workloadtoken;

import dev.latchkey.domain.workloadtoken.WorkloadTokenCodec;
import dev.latchkey.http.auth.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The public keys of workload tokens (RFC 7517), so any resource server can verify them itself. */
@Path("/.well-known/jwks.json")
public final class JwksResource {
    private final WorkloadTokenCodec codec;

    public JwksResource(WorkloadTokenCodec codec) {
        this.codec = codec;
    }

    @GET
    @Public
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(codec.publicJwks()).cacheControl(cache).build();
    }
}
