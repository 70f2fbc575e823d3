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

    public int getMaxSignUpsPerAddress() {
        return maxSignUpsPerAddress;
    }

    public java.time.Duration signUpWindow() {
        return signUpWindow.toJavaDuration();
    }
}
