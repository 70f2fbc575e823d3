package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** {@code userTokens:} how user access tokens (HS256 JWTs) are signed, checked and limited. */
public final class UserTokensConfiguration {

    /**
     * The HS256 secret ({@code SECRET_KEY}-style), at least 32 bytes. Empty: generated on first
     * start and kept in {@link #secretFile}. Set it explicitly when several instances share a database.
     */
    @JsonProperty
    private String secret = "";

    @NotEmpty
    @JsonProperty
    private String secretFile = "./data/user-token-secret";

    @NotEmpty
    @JsonProperty
    private String issuer = "latchkey";

    @NotNull
    @JsonProperty
    private Duration lifetime = Duration.days(90);

    /** Clock skew tolerated on {@code exp}. */
    @NotNull
    @JsonProperty
    private Duration leeway = Duration.seconds(30);

    /** How long a verified token's live facts (jti, membership, sign-out) are trusted before re-reading. */
    @NotNull
    @JsonProperty
    private Duration revalidateAfter = Duration.seconds(30);

    @JsonProperty
    private int maxFailedLoginsPerAccount = 5;

    @JsonProperty
    private int maxFailedLoginsPerAddress = 20;

    @NotNull
    @JsonProperty
    private Duration failedLoginWindow = Duration.minutes(15);

    public String getSecret() {
        return secret;
    }

    public String getSecretFile() {
        return secretFile;
    }

    public String getIssuer() {
        return issuer;
    }

    public Duration getLifetime() {
        return lifetime;
    }

    public Duration getLeeway() {
        return leeway;
    }

    public Duration getRevalidateAfter() {
        return revalidateAfter;
    }

    public int getMaxFailedLoginsPerAccount() {
        return maxFailedLoginsPerAccount;
    }

    public int getMaxFailedLoginsPerAddress() {
        return maxFailedLoginsPerAddress;
    }

    public Duration getFailedLoginWindow() {
        return failedLoginWindow;
    }
}
