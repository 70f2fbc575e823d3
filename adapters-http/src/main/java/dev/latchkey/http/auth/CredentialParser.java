package dev.latchkey.http.auth;

import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the one credential a request presents, from {@code Authorization: Bearer} (RFC 6750 §2.1)
 * or {@code X-API-Key}. Never from the query string (OAuth 2.1 forbids it) and never from a body.
 * Anything ambiguous or malformed is {@code invalid_auth_header}, before any verifier runs.
 */
public final class CredentialParser {
    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String AUTHORIZATION = "Authorization";
    /** RFC 6750 §2.1 b64token. */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    /** Far above any credential we issue or accept; refuses header stuffing early. */
    static final int MAX_CREDENTIAL_LENGTH = 8192;

    private CredentialParser() {
    }

    public static Optional<PresentedCredential> parse(MultivaluedMap<String, String> headers) {
        Optional<String> authorization = single(headers, AUTHORIZATION);
        Optional<String> apiKey = single(headers, API_KEY_HEADER);
        if (authorization.isPresent() && apiKey.isPresent()) {
            throw malformed("Present one credential, not both Authorization and " + API_KEY_HEADER);
        }
        if (authorization.isPresent()) {
            return Optional.of(new PresentedCredential.Bearer(bearerToken(authorization.get())));
        }
        return apiKey.map(value -> new PresentedCredential.ApiKeyHeader(apiKeyValue(value)));
    }

    private static Optional<String> single(MultivaluedMap<String, String> headers, String name) {
        List<String> values = headers.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw malformed("Repeated " + name + " header");
        }
        return Optional.of(values.get(0));
    }

    private static String bearerToken(String header) {
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
            throw malformed("Authorization must use the Bearer scheme");
        }
        String token = header.substring(space + 1).strip();
        if (token.isEmpty() || token.length() > MAX_CREDENTIAL_LENGTH || !B64TOKEN.matcher(token).matches()) {
            throw malformed("The bearer token is empty or contains characters a token cannot have");
        }
        return token;
    }

    private static String apiKeyValue(String header) {
        String value = header.strip();
        if (value.isEmpty() || value.length() > MAX_CREDENTIAL_LENGTH || !B64TOKEN.matcher(value).matches()) {
            throw malformed(API_KEY_HEADER + " is empty or contains characters a key cannot have");
        }
        return value;
    }

    private static AuthFailure malformed(String detail) {
        return new AuthFailure(AuthError.INVALID_AUTH_HEADER, detail);
    }
}
