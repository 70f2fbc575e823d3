package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** {@code workloadTokens:} the {@code iss} and {@code aud} of delegated workload tokens, and their keys. */
public final class WorkloadTokensConfiguration {
    @NotEmpty
    @JsonProperty
    private String issuer = "latchkey";

    @NotEmpty
    @JsonProperty
    private String audience = "latchkey-internal";

    /** Base64 of 32 bytes; encrypts signing keys at rest. Empty: generated into {@link #keyEncryptionKeyFile}. */
    @JsonProperty
    private String keyEncryptionKey = "";

    @NotEmpty
    @JsonProperty
    private String keyEncryptionKeyFile = "./data/workload-key-encryption-key";

    /** How long a rotated-in key is published before it signs, so verifiers' JWKS caches have it. */
    @NotNull
    @JsonProperty
    private Duration activationDelay = Duration.minutes(10);

    /**
     * The most workloads one delegation chain may hold: the grant's, then each one a token is handed
     * on to by token exchange. 1 forbids handing tokens on.
     */
    @jakarta.validation.constraints.Min(1)
    @jakarta.validation.constraints.Max(10)
    @JsonProperty
    private int maxDelegationDepth = 3;

    public int getMaxDelegationDepth() {
        return maxDelegationDepth;
    }

    public String getKeyEncryptionKey() {
        return keyEncryptionKey;
    }

    public String getKeyEncryptionKeyFile() {
        return keyEncryptionKeyFile;
    }

    public Duration getActivationDelay() {
        return activationDelay;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getAudience() {
        return audience;
    }
}
