package dev.latchkey.domain.token;

import java.time.Duration;
import java.util.Objects;

/** A freshly issued access token and how long it lives, as returned by login and bootstrap. */
public record AccessToken(String value, Duration expiresIn) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresIn, "expiresIn");
    }

    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }
}
