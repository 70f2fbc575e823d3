package dev.latchkey.domain.apikey;

import java.util.Objects;

/** A full API key as shown to its owner exactly once. {@code toString} never reveals it. */
public record PlaintextApiKey(String value) {

    public PlaintextApiKey {
        Objects.requireNonNull(value, "value");
    }

    public String lookupPrefix() {
        return value.substring(0, ApiKeyFormat.LOOKUP_PREFIX_LENGTH);
    }

    @Override
    public String toString() {
        return "PlaintextApiKey[" + lookupPrefix() + "…]";
    }
}
