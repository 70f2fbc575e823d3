package dev.latchkey.domain.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Cheap, unverified looks at a compact JWS (RFC 7515 §7.1), used only to route a token to the
 * verifier that will check it properly. Nothing read here is ever trusted.
 */
public final class JwtShape {

    private JwtShape() {}

    /** Three dot-separated parts with a JSON-object header ({@code eyJ} is base64url of <code>{"</code>). */
    public static boolean looksLikeJwt(String value) {
        int first = value.indexOf('.');
        return value.startsWith("eyJ") && first > 0 && value.indexOf('.', first + 1) > first;
    }

    private static final java.util.regex.Pattern ISS =
            java.util.regex.Pattern.compile("\"iss\"\\s*:\\s*\"([^\"\\\\]*)\"");

    /**
     * The {@code iss} claim of something JWT-shaped, read without verifying anything, to pick the
     * verifier that will. An issuer with JSON escapes in it is not routed (it is no issuer we trust).
     */
    public static Optional<String> unverifiedIssuer(String value) {
        return unverifiedPayload(value).flatMap(payload -> {
            java.util.regex.Matcher matcher = ISS.matcher(payload);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        });
    }

    private static final java.util.regex.Pattern EXP =
            java.util.regex.Pattern.compile("\"exp\"\\s*:\\s*(\\d{1,12})[\\s,}]");

    /**
     * The {@code exp} claim (whole seconds) of something JWT-shaped, unverified: enough to refuse a
     * token long past its expiry without paying for its signature, never to accept one.
     */
    public static Optional<java.time.Instant> unverifiedExpiry(String value) {
        return unverifiedPayload(value).flatMap(payload -> {
            java.util.regex.Matcher matcher = EXP.matcher(payload);
            return matcher.find()
                    ? Optional.of(java.time.Instant.ofEpochSecond(Long.parseLong(matcher.group(1))))
                    : Optional.empty();
        });
    }

    private static final java.util.regex.Pattern TYP =
            java.util.regex.Pattern.compile("\"typ\"\\s*:\\s*\"([^\"\\\\]*)\"");

    /** The {@code typ} header parameter (RFC 7515 §4.1.9), unverified; {@code at+jwt} marks RFC 9068 tokens. */
    public static Optional<String> unverifiedType(String value) {
        if (!looksLikeJwt(value)) {
            return Optional.empty();
        }
        try {
            String header = new String(
                    Base64.getUrlDecoder().decode(value.substring(0, value.indexOf('.'))), StandardCharsets.UTF_8);
            java.util.regex.Matcher matcher = TYP.matcher(header);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IllegalArgumentException notBase64url) {
            return Optional.empty();
        }
    }

    /**
     * Whether the payload of something JWT-shaped names a claim, unverified: OAuth JWT access tokens
     * carry {@code client_id} (RFC 9068 §2.2) and workload tokens do not, which routes each to its verifier.
     */
    public static boolean namesClaim(String value, String claim) {
        return unverifiedPayload(value)
                .filter(payload -> payload.contains("\"" + claim + "\""))
                .isPresent();
    }

    /** The decoded payload text of something JWT-shaped, for an adapter to parse. */
    public static Optional<String> unverifiedPayload(String value) {
        if (!looksLikeJwt(value)) {
            return Optional.empty();
        }
        int first = value.indexOf('.');
        int second = value.indexOf('.', first + 1);
        try {
            return Optional.of(new String(
                    Base64.getUrlDecoder().decode(value.substring(first + 1, second)), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64url) {
            return Optional.empty();
        }
    }
}
