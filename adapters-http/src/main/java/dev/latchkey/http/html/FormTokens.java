package dev.latchkey.http.html;

import dev.latchkey.domain.oauth.TokenHashes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * CSRF tokens for the forms of cookie-authenticated pages (consent, console): derived from the
 * HttpOnly session cookie and the page's purpose, so no script can read one and no other site can
 * compute one.
 */
public final class FormTokens {
    private FormTokens() {}

    public static String of(String purpose, String sessionValue) {
        return TokenHashes.of(purpose + "-csrf:" + sessionValue);
    }

    /** Compares in time independent of where the values differ. */
    public static boolean matches(String presented, String purpose, String sessionValue) {
        return presented != null
                && MessageDigest.isEqual(
                        presented.getBytes(StandardCharsets.UTF_8),
                        of(purpose, sessionValue).getBytes(StandardCharsets.UTF_8));
    }
}
