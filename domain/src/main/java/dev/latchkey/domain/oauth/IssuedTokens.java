package dev.latchkey.domain.oauth;

import dev.latchkey.domain.scope.ScopeSet;
import java.time.Duration;

/** A token response's content (RFC 6749 §5.1); the plaintext tokens exist only here. */
public record IssuedTokens(String accessToken, String refreshToken, Duration expiresIn, ScopeSet scopes) {

    @Override
    public String toString() {
        return "IssuedTokens[redacted, expiresIn=" + expiresIn + ", scopes=" + scopes + "]";
    }
}
