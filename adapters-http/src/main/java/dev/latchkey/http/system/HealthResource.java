package dev.latchkey.http.system;

import dev.latchkey.http.auth.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Public liveness on the application port; details live on the admin port. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    @GET
    @Public
    public Map<String, String> health() {
        return Map.of("status", "ok");
    }
}
