package dev.latchkey.app;

import static dev.latchkey.app.Reply.assertProblem;
import static dev.latchkey.app.TestApps.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code passwords.tokenAtSignUp: false}: registration finishes on the mailed link, so nobody learns
 * from registering — or from signing in afterwards — whether an address already has an account.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RegistrationWithoutEnumerationHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> APP =
            TestApps.onH2(ConfigOverride.config("passwords.tokenAtSignUp", "false"));
    private static final String PASSWORD = "correct horse battery staple";

    private static Reply register(String email, String password) {
        return Reply.of(request(APP, "/auth/register").post(Entity.json(Map.of("email", email, "password", password))));
    }

    private static Reply logIn(String email, String password) {
        return Reply.of(request(APP, "/auth/login").post(Entity.json(Map.of("email", email, "password", password))));
    }

    private static String fresh() {
        return "e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    @Test
    void aTakenAddressAndAFreeOneGetTheSameAnswerAndTheOwnerIsTold() {
        String owner = fresh();
        assertThat(register(owner, PASSWORD).status()).isEqualTo(202);

        Reply free = register(fresh(), "another long passphrase");
        Reply taken = register(owner, "another long passphrase");

        assertThat(taken.status()).isEqualTo(free.status()).isEqualTo(202);
        assertThat(taken.body()).isEqualTo(free.body()).doesNotContainKey("access_token");
        assertThat(TestApps.mailedToken(owner, "Confirm your email address")).isNotBlank();
        assertThat(TestApps.mailText(owner, "Someone tried to register your address"))
                .contains("Nothing was changed");
    }

    @Test
    void signingInWaitsForTheMailedLinkAndSaysNoMoreThanAWrongPassword() {
        String email = fresh();
        register(email, PASSWORD);

        Reply unproven = logIn(email, PASSWORD);
        Reply wrong = logIn(email, "not the passphrase at all");
        assertProblem(unproven, 401, "invalid_credentials");
        assertProblem(wrong, 401, "invalid_credentials");
        assertThat(unproven.string("detail")).isEqualTo(wrong.string("detail"));

        Reply verified = Reply.of(request(APP, "/auth/verify-email")
                .post(Entity.json(Map.of("token", TestApps.mailedToken(email, "Confirm your email address")))));
        assertThat(verified.status()).isEqualTo(200);
        Reply signedIn = logIn(email, PASSWORD);
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.string("access_token")).isNotBlank();
    }

    @Test
    void whoeverRegisteredSomeoneElsesAddressFirstCannotSignInWithIt() {
        String victim = fresh();
        register(victim, "the squatter's passphrase");

        assertProblem(logIn(victim, "the squatter's passphrase"), 401, "invalid_credentials");
    }
}
