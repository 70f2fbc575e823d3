package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;

/** {@code workloadTokens:} the {@code iss} and {@code aud} of delegated workload tokens. */
public final class WorkloadTokensConfiguration {
    @NotEmpty
    @JsonProperty
    private String issuer = "latchkey";

    @NotEmpty
    @JsonProperty
    private String audience = "latchkey-internal";

    public String getIssuer() {
        return issuer;
    }

    public String getAudience() {
        return audience;
    }
}
