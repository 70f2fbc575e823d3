package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.workos.WorkosSettings;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;

/** {@code workos:} the WorkOS environment Latchkey trusts. Enabled when a client id and a secret are set. */
public final class WorkosConfiguration {
    @NotEmpty
    @JsonProperty
    private String baseUrl = "https://api.workos.com";

    /** The environment's secret key ({@code sk_…}); from {@code WORKOS_API_KEY}. Never logged. */
    @JsonProperty
    private String apiKey = "";

    @JsonProperty
    private String clientId = "";

    /**
     * Accepted {@code iss} values besides WorkOS's standard forms for this base URL and client id
     * (a custom AuthKit domain, say); blank entries — an unset environment variable — are ignored.
     */
    @JsonProperty
    private List<String> issuers = List.of();

    /** Accepted {@code aud} values besides the client id (always accepted), checked only when a token carries one. */
    @JsonProperty
    private List<String> audiences = List.of();

    /** How long a successful API-key validation is trusted before WorkOS is asked again. */
    @NotNull
    @JsonProperty
    private Duration validationCacheTtl = Duration.seconds(20);

    /** How long past that a cached validation may still answer while WorkOS is unreachable. */
    @NotNull
    @JsonProperty
    private Duration outageGrace = Duration.seconds(60);

    public boolean isEnabled() {
        return !apiKey.isBlank() && !clientId.isBlank();
    }

    public WorkosSettings toSettings() {
        URI base = URI.create(baseUrl);
        return new WorkosSettings(
                base,
                apiKey,
                clientId,
                java.util.stream.Stream.concat(WorkosSettings.defaultIssuers(base, clientId).stream(), issuers.stream())
                        .toList(),
                audiences);
    }

    public Duration getValidationCacheTtl() {
        return validationCacheTtl;
    }

    public Duration getOutageGrace() {
        return outageGrace;
    }
}
