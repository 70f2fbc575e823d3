package dev.latchkey.http.openapi;

import dev.latchkey.http.auth.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.glassfish.jersey.server.ExtendedResourceContext;

/** {@code GET /openapi.json}: the OpenAPI 3.1 description of every route, read from the running application. */
@Path("/openapi.json")
public final class OpenApiResource {
    private final String serverUrl;
    private final String version;
    private volatile Map<String, Object> document;

    public OpenApiResource(String serverUrl, String version) {
        this.serverUrl = serverUrl;
        this.version = version;
    }

    @GET
    @Public
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> document(@Context ExtendedResourceContext resources) {
        Map<String, Object> built = document;
        if (built == null) {
            built = OpenApiDocument.of(resources.getResourceModel(), serverUrl, version);
            document = built; // the resource model does not change once the application runs
        }
        return built;
    }
}
