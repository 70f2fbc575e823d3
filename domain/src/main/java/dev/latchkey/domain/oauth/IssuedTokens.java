package dev.latchkey.domain.oauth;

import dev.latchkey.domain.scope.ScopeSet;
import java.time.Duration;
import java.util.Optional;

/**
 * A token response's content (RFC 6749 §5.1); the plaintext tokens exist only here. A machine
 * client's {@code client_credentials} grant has no refresh token (RFC 6749 §4.4.3): it simply asks again.
 */
public record IssuedTokens(String accessToken, Optional<String> refreshToken, Duration expiresIn, ScopeSet scopes) {

    @Override
    public String toString() {
        return "IssuedTokens[redacted, expiresIn=" + expiresIn + ", scopes=" + scopes + "]";
    }
}
