package dev.latchkey.http.auth;

import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the one credential a request presents, from {@code Authorization: Bearer} (RFC 6750 §2.1)
 * or {@code X-API-Key}. Never from the query string (OAuth 2.1 forbids it) and never from a body.
 * Anything ambiguous or malformed is {@code invalid_auth_header}, before any verifier runs.
 */
public final class CredentialParser {
    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String AUTHORIZATION = "Authorization";
    /** RFC 6750 §2.1 b64token. */
    /** RFC 6750 b68token characters, checked by hand: a regex over a long JWT cost more than verifying it from cache. */
    private static final boolean[] TOKEN_CHARACTER = new boolean[128];

    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/".toCharArray()) {
            TOKEN_CHARACTER[c] = true;
        }
    }
    /** Far above any credential we issue or accept; refuses header stuffing early. */
    static final int MAX_CREDENTIAL_LENGTH = 8192;

    private CredentialParser() {}

    /** The client address the request came from, as {@code ClientAddresses} resolved it. */
    public static String sourceOf(jakarta.ws.rs.container.ContainerRequestContext request) {
        Object address = request.getProperty(dev.latchkey.http.ClientAddresses.ATTRIBUTE);
        return address instanceof String text ? text : PresentedCredential.ApiKeyHeader.UNKNOWN_SOURCE;
    }

    public static Optional<PresentedCredential> parse(MultivaluedMap<String, String> headers) {
        return parse(headers, PresentedCredential.ApiKeyHeader.UNKNOWN_SOURCE);
    }

    /** @param source the client address, which budgets the unknown API keys it presents */
    public static Optional<PresentedCredential> parse(MultivaluedMap<String, String> headers, String source) {
        return parse((Function<String, List<String>>) headers::get, source);
    }

    /**
     * @param headers every value a request sent under a header name (an empty list or null for none)
     * @param source the client address, which budgets the unknown API keys it presents
     */
    public static Optional<PresentedCredential> parse(Function<String, List<String>> headers, String source) {
        Optional<String> authorization = single(headers, AUTHORIZATION);
        Optional<String> apiKey = single(headers, API_KEY_HEADER);
        if (authorization.isPresent() && apiKey.isPresent()) {
            throw malformed("Present one credential, not both Authorization and " + API_KEY_HEADER);
        }
        if (authorization.isPresent()) {
            return Optional.of(new PresentedCredential.Bearer(bearerToken(authorization.get())));
        }
        return apiKey.map(value -> {
            String key = apiKeyValue(value);
            return new PresentedCredential.ApiKeyHeader(key, VerificationCache.fingerprint(key), source);
        });
    }

    private static Optional<String> single(Function<String, List<String>> headers, String name) {
        List<String> values = headers.apply(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw malformed("Repeated " + name + " header");
        }
        return Optional.of(values.get(0));
    }

    /** {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="} (RFC 6750 §2.1). */
    static boolean isB64Token(String token) {
        int end = token.length();
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            if (c >= 128 || !TOKEN_CHARACTER[c]) {
                return false;
            }
        }
        return true;
    }

    private static String bearerToken(String header) {
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
            throw malformed("Authorization must use the Bearer scheme");
        }
        String token = header.substring(space + 1).strip();
        if (token.isEmpty() || token.length() > MAX_CREDENTIAL_LENGTH || !isB64Token(token)) {
            throw malformed("The bearer token is empty or contains characters a token cannot have");
        }
        return token;
    }

    private static String apiKeyValue(String header) {
        String value = header.strip();
        if (value.isEmpty() || value.length() > MAX_CREDENTIAL_LENGTH || !isB64Token(value)) {
            throw malformed(API_KEY_HEADER + " is empty or contains characters a key cannot have");
        }
        return value;
    }

    private static AuthFailure malformed(String detail) {
        return new AuthFailure(AuthError.INVALID_AUTH_HEADER, detail);
    }
}
