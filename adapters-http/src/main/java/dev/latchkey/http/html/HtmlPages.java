package dev.latchkey.http.html;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The shell of every page Latchkey renders (sign-in, consent, console): one stylesheet, allowed by
 * its hash, and a Content Security Policy that forbids framing, inline scripts and every other
 * source. Pages that need script (the console's copy button) may load it from Latchkey itself.
 */
public final class HtmlPages {
    static final String STYLE = """
            *{box-sizing:border-box}body{margin:0;min-height:100vh;display:flex;align-items:center;\
            justify-content:center;background:#f4f5f7;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;\
            color:#1d2330}main{width:100%;max-width:440px;margin:24px;background:#fff;border-radius:12px;\
            box-shadow:0 4px 24px rgba(20,30,60,.08);padding:32px}h1{font-size:1.35rem;margin:0 0 8px}\
            p{margin:8px 0}.muted{color:#5b6475;font-size:.9rem}.brand{font-weight:600;letter-spacing:.02em;\
            color:#3b5bdb;margin-bottom:16px}ul.scopes{list-style:none;padding:0;margin:16px 0}\
            ul.scopes li{padding:10px 12px;border:1px solid #e3e6ec;border-radius:8px;margin-bottom:8px}\
            ul.scopes code{font-size:.8rem;color:#5b6475}li.withheld{opacity:.6}label{display:block;\
            margin:12px 0 4px;font-weight:500}input,select{width:100%;padding:10px 12px;border:1px solid #c9ced8;\
            border-radius:8px;font-size:1rem}.actions{display:flex;gap:12px;margin-top:24px}\
            button{flex:1;padding:12px;border-radius:8px;border:1px solid #c9ced8;background:#fff;font-size:1rem;\
            cursor:pointer}button.primary{background:#3b5bdb;border-color:#3b5bdb;color:#fff}\
            .error{background:#fff0f0;border:1px solid #f3c1c1;color:#8a1c1c;padding:10px 12px;border-radius:8px}\
            .client{font-weight:600}main.wide{max-width:1080px;align-self:flex-start}\
            nav{display:flex;flex-wrap:wrap;gap:4px 16px;margin:0 0 20px;padding-bottom:12px;border-bottom:1px solid #e3e6ec}\
            nav a{color:#3b5bdb;text-decoration:none;padding:2px 0}\
            nav a[aria-current=page]{font-weight:700;color:#1d2330}nav form{margin-left:auto}\
            nav button{padding:4px 10px;flex:none}\
            table{width:100%;border-collapse:collapse;margin:12px 0 20px;font-size:.92rem}\
            th,td{text-align:left;padding:8px 6px;border-bottom:1px solid #e3e6ec;vertical-align:top}\
            td{overflow-wrap:anywhere}\
            th{color:#5b6475;font-weight:600}td form{display:inline}td button{padding:4px 10px;font-size:.85rem}\
            form.inline{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;margin:8px 0 20px}\
            form.inline label{margin:0}form.inline input,form.inline select{width:auto}\
            form.inline button{flex:none}\
            .notice{background:#eef6ee;border:1px solid #b8dcb8;padding:10px 12px;border-radius:8px}\
            code.secret{display:block;word-break:break-all;background:#f4f5f7;padding:10px;border-radius:8px;margin:8px 0}\
            meter{width:100%;height:22px}h2{font-size:1.1rem;margin:24px 0 4px}\
            button:focus,a:focus,input:focus,select:focus{outline:3px solid #9bb0f5;outline-offset:1px}""";

    private static final String STYLE_SOURCE = "'" + hashOf(STYLE) + "'";
    /** No script, no framing: the sign-in and consent pages. */
    public static final String STRICT_POLICY =
            "default-src 'none'; style-src " + STYLE_SOURCE + "; frame-ancestors 'none'; base-uri 'none'";
    /** As strict, plus scripts served by Latchkey itself (never inline): the console. */
    public static final String CONSOLE_POLICY = "default-src 'none'; style-src " + STYLE_SOURCE
            + "; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private HtmlPages() {}

    /** A narrow page (sign-in, consent). */
    public static String document(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + Html.escape(title) + " · Latchkey</title><style>" + STYLE + "</style></head>"
                + "<body><main><div class=\"brand\">Latchkey</div>" + body + "</main></body></html>";
    }

    /** A wide page with a script from Latchkey (the console). */
    public static String console(String title, String body, String scriptPath) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + Html.escape(title) + " · Latchkey console</title><style>" + STYLE + "</style>"
                + "<script src=\"" + Html.escape(scriptPath) + "\" defer></script></head>"
                + "<body><main class=\"wide\"><div class=\"brand\">Latchkey console</div>" + body
                + "</main></body></html>";
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

    private static String hashOf(String style) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
