package dev.latchkey.http.html;

import dev.latchkey.http.auth.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The pages' one stylesheet, an asset rather than inline, so their policy can forbid inline styles. */
@Path(HtmlPages.STYLESHEET)
public final class StylesheetResource {
    private static final byte[] CSS = load();

    @GET
    @Public
    @Produces("text/css; charset=utf-8")
    public Response stylesheet() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(CSS)
                .cacheControl(cache)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private static byte[] load() {
        try (InputStream in = StylesheetResource.class.getResourceAsStream("/assets/latchkey.css")) {
            if (in == null) {
                throw new IllegalStateException("assets/latchkey.css is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
