package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code passwords:} whether people may sign up with a password, and each client address's budget. */
public final class PasswordsConfiguration {

    /** Off where people sign up with an identity provider (the Salty profile: Supabase). */
    @JsonProperty("signUp")
    private boolean signUp = true;

    /**
     * True: {@code /auth/register} answers 201 with a token at once (the agent-platform document's
     * row) and 409 for a taken address. False: 202 either way, and the person signs in once the mailed
     * link has proven the address — nobody learns from registering whether an address has an account.
     */
    @JsonProperty("tokenAtSignUp")
    private boolean tokenAtSignUp = true;

    /** Registrations and reset requests per client address per {@code signUpWindow}. */
    @Min(1)
    @JsonProperty("maxSignUpsPerAddress")
    private int maxSignUpsPerAddress = 20;

    @NotNull
    @JsonProperty("signUpWindow")
    private Duration signUpWindow = Duration.hours(1);

    public boolean isSignUp() {
        return signUp;
    }

    public boolean isTokenAtSignUp() {
        return tokenAtSignUp;
    }

    public int getMaxSignUpsPerAddress() {
        return maxSignUpsPerAddress;
    }

    public java.time.Duration signUpWindow() {
        return signUpWindow.toJavaDuration();
    }
}
