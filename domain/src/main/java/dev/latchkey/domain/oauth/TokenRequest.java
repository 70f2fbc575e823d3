package dev.latchkey.domain.oauth;

import java.util.Optional;

/** The form parameters of a token request (RFC 6749 §4.1.3 and §6); any may be missing. */
public record TokenRequest(
        Optional<String> grantType,
        Optional<String> code,
        Optional<String> redirectUri,
        Optional<String> codeVerifier,
        Optional<String> refreshToken,
        Optional<String> scope,
        Optional<String> resource) {

    @Override
    public String toString() {
        return "TokenRequest[" + grantType.orElse("?") + ", secrets redacted]";
    }

    String required(Optional<String> value, String name) {
        return value.filter(v -> !v.isEmpty())
                .orElseThrow(() -> new OAuthFailure(OAuthError.INVALID_REQUEST, name + " is required"));
    }
}
