package dev.latchkey.app;

import static dev.latchkey.app.Reply.assertProblem;
import static dev.latchkey.app.TestApps.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.outbound.testing.TestIssuer;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Google sign-in and Supabase-style bearer tokens, with the issuers faked over HTTP by WireMock. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ExternalSignInHttpTest {
    private static final String GOOGLE = "https://accounts.google.com";
    private static final String CLIENT_ID = "latchkey-test.apps.googleusercontent.com";

    static final TestIssuer GOOGLE_ISSUER = new TestIssuer();
    static final TestIssuer FLAKY_ISSUER = new TestIssuer();
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2(
            ConfigOverride.config("trustedIssuers[0].jwksUrl", GOOGLE_ISSUER.jwksUrl()),
            ConfigOverride.config("trustedIssuers[2].jwksUrl", FLAKY_ISSUER.jwksUrl()));

    @AfterAll
    static void stopIssuers() {
        GOOGLE_ISSUER.close();
        FLAKY_ISSUER.close();
    }

    private static Reply google(String idToken) {
        return Reply.of(request(APP, "/auth/google").post(Entity.json(Map.of("id_token", idToken))));
    }

    private static Reply whoami(String token) {
        return Reply.of(request(APP, "/whoami")
                .header("Authorization", "Bearer " + token)
                .get());
    }

    private static String freshEmail() {
        return "g-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String supabaseToken(String subject, String email) {
        return SupabaseTokens.token(subject, email);
    }

    @Test
    void aVerifiedGoogleIdentitySignsInAndComesBackAsTheSameUser() {
        String subject = "google-" + UUID.randomUUID();
        String email = freshEmail();

        Reply first = google(
                GOOGLE_ISSUER.idToken(GOOGLE, CLIENT_ID, subject, Map.of("email", email, "email_verified", true)));
        Reply second = google(GOOGLE_ISSUER.idToken(
                "accounts.google.com", CLIENT_ID, subject, Map.of("email", email, "email_verified", true)));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).containsEntry("token_type", "Bearer");
        Object userId = whoami(first.string("access_token")).body().get("actor_id");
        assertThat(whoami(second.string("access_token")).body())
                .containsEntry("actor_id", userId)
                .containsEntry("actor_kind", "human");
    }

    @Test
    void googleSignInLinksToTheExistingAccountOfTheSameProvenEmail() {
        String email = freshEmail();
        String password = TestApps.registerVerified(APP, email, "correct horse battery staple");

        Reply viaGoogle = google(GOOGLE_ISSUER.idToken(
                GOOGLE,
                CLIENT_ID,
                "google-" + UUID.randomUUID(),
                Map.of("email", email.toUpperCase(), "email_verified", true)));

        assertThat(whoami(viaGoogle.string("access_token")).body().get("actor_id"))
                .isEqualTo(whoami(password).body().get("actor_id"));
    }

    @Test
    void unverifiedEmailsWrongAudiencesAndStrangersAreInvalidJwt() {
        assertProblem(
                google(GOOGLE_ISSUER.idToken(
                        GOOGLE, CLIENT_ID, "google-x", Map.of("email", freshEmail(), "email_verified", false))),
                401,
                "invalid_jwt");
        assertProblem(
                google(GOOGLE_ISSUER.idToken(
                        GOOGLE, "another-client", "google-x", Map.of("email", freshEmail(), "email_verified", true))),
                401,
                "invalid_jwt");
        assertProblem(
                google(TestIssuer.idToken(
                        TestIssuer.newKey("key-1"),
                        GOOGLE,
                        CLIENT_ID,
                        "google-x",
                        Instant.now().plusSeconds(60),
                        Map.of("email", freshEmail(), "email_verified", true))),
                401,
                "invalid_jwt");
        assertProblem(
                Reply.of(request(APP, "/auth/external/nobody").post(Entity.json(Map.of("id_token", "x")))),
                404,
                "not_found");
    }

    @Test
    void aGoogleIdTokenIsNotABearerCredentialByItself() {
        String idToken = GOOGLE_ISSUER.idToken(GOOGLE, CLIENT_ID, "google-y", Map.of("email_verified", true));

        assertProblem(whoami(idToken), 401, "invalid_jwt");
    }

    @Test
    void aSupabaseStyleBearerResolvesThroughItsLinkedIdentity() {
        String email = freshEmail();
        String subject = "supa-" + UUID.randomUUID();
        String token = supabaseToken(subject, email);

        assertProblem(whoami(token), 403, "actor_not_mapped");

        Reply linked = Reply.of(request(APP, "/auth/external/supabase").post(Entity.json(Map.of("id_token", token))));
        assertThat(linked.status()).isEqualTo(200);
        Reply me = whoami(supabaseToken(subject, email));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body()).containsEntry("credential_kind", "external_jwt").containsEntry("tenant_id", null);

        String bootstrapped = Reply.of(request(APP, "/workspaces/bootstrap")
                        .header("Authorization", "Bearer " + token)
                        .post(Entity.json(Map.of())))
                .string("workspace_id");
        assertThat(whoami(supabaseToken(subject, email)).body())
                .containsEntry("tenant_id", bootstrapped)
                .containsEntry("role", "owner");
    }

    @Test
    void anUnreachableIssuerIsA503NeverA401() {
        FLAKY_ISSUER.failWith(503);
        String token = TestIssuer.idToken(
                FLAKY_ISSUER.currentKey(),
                "https://flaky.example",
                "flaky-client",
                "f-1",
                Instant.now().plusSeconds(60),
                Map.of());

        Reply reply = whoami(token);

        assertProblem(reply, 503, "identity_provider_unavailable");
        assertThat(reply.header("Retry-After")).isNotNull();
        assertThat(reply.header("WWW-Authenticate")).isNull();
    }
}
