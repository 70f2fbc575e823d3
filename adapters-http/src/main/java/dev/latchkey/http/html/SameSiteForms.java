package dev.latchkey.http.html;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Sign-in forms accept only posts from Latchkey's own pages (login CSRF: a cross-site post would sign
 * the victim's browser in to the attacker's account, whose consent or console the victim then uses).
 * Browsers say where a form came from: {@code Sec-Fetch-Site} (Fetch Metadata) and {@code Origin},
 * which every current browser sends with a cross-origin POST. A post that says it came from another
 * site is refused; one that says nothing (a script, curl) is no CSRF and passes. The host is compared,
 * not the scheme, so that a proxy terminating TLS in front of Latchkey changes nothing.
 */
public final class SameSiteForms {

    private SameSiteForms() {}

    /** Whether the browser says this post came from another site. */
    public static boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            String site = fetchSite.strip().toLowerCase(Locale.ROOT);
            return !site.equals("same-origin") && !site.equals("none");
        }
        // Older browsers: Origin. Latchkey's pages send no referrer, so a browser may send "null" for
        // its own same-origin post; that says nothing either way.
        String origin = request.getHeader("Origin");
        if (origin == null || origin.strip().equals("null")) {
            return false;
        }
        String host = request.getHeader("Host");
        try {
            URI from = URI.create(origin.strip());
            return from.getRawAuthority() == null
                    || host == null
                    || !from.getRawAuthority().equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException malformed) {
            return true;
        }
    }

    /** The page a refused post gets. */
    public static String refusedPage() {
        return HtmlPages.document(
                "Sign-in refused",
                "<h1>Sign-in refused</h1><p>This sign-in form was sent from another"
                        + " site, so Latchkey did not act on it. Open the sign-in page directly and try again.</p>");
    }
}
