package dev.latchkey.http.openapi;

import dev.latchkey.http.auth.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.glassfish.jersey.server.ExtendedResourceContext;

/** {@code GET /openapi.json}: the OpenAPI 3.1 description of every route, read from the running application. */
@Path("/openapi.json")
public final class OpenApiResource {
    private final String serverUrl;
    private final String version;
    private final List<ServletRoute> servletRoutes;
    private volatile Map<String, Object> document;

    /** @param servletRoutes the routes served outside JAX-RS, which Jersey's model does not show */
    public OpenApiResource(String serverUrl, String version, List<ServletRoute> servletRoutes) {
        this.serverUrl = serverUrl;
        this.version = version;
        this.servletRoutes = List.copyOf(servletRoutes);
    }

    @GET
    @Public
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> document(@Context ExtendedResourceContext resources) {
        Map<String, Object> built = document;
        if (built == null) {
            built = OpenApiDocument.of(resources.getResourceModel(), servletRoutes, serverUrl, version);
            document = built; // the resource model does not change once the application runs
        }
        return built;
    }
}
