package dev.latchkey.domain.oauth.handoff;

import dev.latchkey.domain.oauth.AuthorizationParameters;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An authorization request's parameters as one form-encoded text, to keep while the person is asked. */
final class AuthorizationQuery {
    private AuthorizationQuery() {}

    static String of(AuthorizationParameters p) {
        Map<String, Optional<String>> fields = new LinkedHashMap<>();
        fields.put("response_type", p.responseType());
        fields.put("client_id", p.clientId());
        fields.put("redirect_uri", p.redirectUri());
        fields.put("code_challenge", p.codeChallenge());
        fields.put("code_challenge_method", p.codeChallengeMethod());
        fields.put("state", p.state());
        fields.put("scope", p.scope());
        fields.put("resource", p.resource());
        StringBuilder query = new StringBuilder();
        fields.forEach((name, value) -> value.ifPresent(v -> {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(name).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }));
        return query.toString();
    }

    static AuthorizationParameters parse(String query) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(
                        pair.substring(0, equals),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return new AuthorizationParameters(
                Optional.ofNullable(fields.get("response_type")),
                Optional.ofNullable(fields.get("client_id")),
                Optional.ofNullable(fields.get("redirect_uri")),
                Optional.ofNullable(fields.get("code_challenge")),
                Optional.ofNullable(fields.get("code_challenge_method")),
                Optional.ofNullable(fields.get("state")),
                Optional.ofNullable(fields.get("scope")),
                Optional.ofNullable(fields.get("resource")));
    }
}
