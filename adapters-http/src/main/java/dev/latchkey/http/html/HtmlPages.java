package dev.latchkey.http.html;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The shell of every page Latchkey renders (sign-in, consent, console): one stylesheet from Latchkey
 * itself, and a Content Security Policy that forbids framing, inline scripts and styles and every
 * other source. Pages that need script (the console's copy button) may load it from Latchkey itself.
 */
public final class HtmlPages {
    /** The stylesheet every page links to ({@link StylesheetResource}); no page carries style inline. */
    public static final String STYLESHEET = "/assets/latchkey.css";
    /** No script, no inline style, no framing: the sign-in and consent pages. */
    public static final String STRICT_POLICY =
            "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** As strict, plus scripts served by Latchkey itself (never inline): the console. */
    public static final String CONSOLE_POLICY = "default-src 'none'; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private HtmlPages() {}

    /** A narrow page (sign-in) around markup built elsewhere (the console's, until it has templates). */
    public static String document(String title, String body) {
        return Templates.render("page", Map.of("title", title, "body", body));
    }

    /** A wide page with a script from Latchkey (the console). */
    public static String console(String title, String body, String scriptPath) {
        return Templates.render("console-page", Map.of("title", title, "body", body, "script", scriptPath));
    }

    /** An HTML response with the security headers every page carries. */
    public static Response.ResponseBuilder respond(int status, String html, String policy) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(html)
                .header("Content-Security-Policy", policy)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .cacheControl(CacheControl.valueOf("no-store"));
    }
}
