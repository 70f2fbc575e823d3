package dev.latchkey.domain.apikey;

import java.util.Objects;

/** A key just created: the stored record and the full key, which exists nowhere else. */
public record IssuedApiKey(ApiKey key, PlaintextApiKey secret) {

    public IssuedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }
}
