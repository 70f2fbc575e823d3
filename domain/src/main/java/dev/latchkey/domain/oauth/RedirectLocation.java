package dev.latchkey.domain.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the URI an authorization response sends the browser to: the redirect URI plus query parameters. */
public final class RedirectLocation {
    private RedirectLocation() {}

    /** The redirect URI with {@code parameters} appended to its query (RFC 6749 §4.1.2), in order. */
    public static String of(String redirectUri, Map<String, String> parameters) {
        StringBuilder location = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            location.append(separator)
                    .append(p.getKey())
                    .append('=')
                    .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return location.toString();
    }

    /** An error response (RFC 6749 §4.1.2.1), with the issuer as RFC 9207 asks. */
    public static String ofError(OAuthFailure failure, OAuthFailure.Redirect to, String issuer) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", failure.error().code());
        parameters.put("error_description", failure.description());
        to.state().ifPresent(state -> parameters.put("state", state));
        parameters.put("iss", issuer);
        return of(to.redirectUri(), parameters);
    }

    /** A success response carrying the code. */
    public static String ofCode(String code, OAuthFailure.Redirect to, String issuer) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        to.state().ifPresent(state -> parameters.put("state", state));
        parameters.put("iss", issuer);
        return of(to.redirectUri(), parameters);
    }
}
