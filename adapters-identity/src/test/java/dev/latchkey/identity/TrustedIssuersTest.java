package dev.latchkey.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.external.ExternalClaims;
import dev.latchkey.outbound.OutboundCallSettings;
import dev.latchkey.outbound.testing.TestIssuer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrustedIssuersTest {
    private static final String GOOGLE = "https://accounts.google.com";
    private static final String CLIENT_ID = "latchkey-test.apps.googleusercontent.com";
    private static final String SUPABASE = "https://project.supabase.co/auth/v1";
    private static final String SUPABASE_SECRET = "super-secret-jwt-token-with-at-least-32-characters";

    private TestIssuer google;
    private TrustedIssuers issuers;

    @BeforeEach
    void setUp() {
        google = new TestIssuer();
        OutboundCallSettings calls = new OutboundCallSettings(
                Duration.ofMillis(1500), 2, Duration.ofMillis(20), 50f, 4, Duration.ofSeconds(30), 8);
        issuers = new TrustedIssuers(
                List.of(
                        new TrustedIssuerSettings(
                                "google",
                                List.of(GOOGLE, "accounts.google.com"),
                                Optional.of(URI.create(google.jwksUrl())),
                                Optional.empty(),
                                CLIENT_ID,
                                "sub",
                                "email",
                                false,
                                false),
                        new TrustedIssuerSettings(
                                "supabase",
                                List.of(SUPABASE),
                                Optional.empty(),
                                Optional.of(SUPABASE_SECRET),
                                "authenticated",
                                "sub",
                                "email",
                                true,
                                true)),
                calls,
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        google.close();
    }

    private static void assertFails(AuthError error, Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.error()).isEqualTo(error));
    }

    private static String hs256(String secret, String issuer, String audience, Instant exp) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setAudience(audience);
            claims.setSubject("supa-user-1");
            claims.setClaim("email", "ana@example.com");
            claims.setExpirationTime(NumericDate.fromSeconds(exp.getEpochSecond()));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aGoogleIdTokenVerifiesAgainstThePublishedJwks() {
        String token =
                google.idToken(GOOGLE, CLIENT_ID, "g-123", Map.of("email", "ana@example.com", "email_verified", true));

        ExternalClaims claims = issuers.verify("google", token);

        assertThat(claims.subject()).isEqualTo("g-123");
        assertThat(claims.email()).contains("ana@example.com");
        assertThat(claims.emailVerified()).isTrue();
        assertThat(issuers.identify(token))
                .contains(new dev.latchkey.domain.external.ExternalTokenVerifier.TrustedIssuer("google", false));
    }

    @Test
    void bothGoogleIssuerFormsAreAccepted() {
        String token = google.idToken("accounts.google.com", CLIENT_ID, "g-1", Map.of());

        assertThat(issuers.verify("google", token).subject()).isEqualTo("g-1");
    }

    @Test
    void keysAreCachedAcrossVerifications() {
        for (int i = 0; i < 5; i++) {
            issuers.verify("google", google.idToken(GOOGLE, CLIENT_ID, "g-" + i, Map.of()));
        }

        assertThat(google.jwksFetches()).isEqualTo(1);
    }

    @Test
    void wrongAudienceExpiredOrForeignSignatureAreInvalidJwt() {
        assertFails(
                AuthError.INVALID_JWT,
                () -> issuers.verify("google", google.idToken(GOOGLE, "someone-elses-client", "g-1", Map.of())));
        assertFails(
                AuthError.INVALID_JWT,
                () -> issuers.verify(
                        "google",
                        TestIssuer.idToken(
                                google.currentKey(),
                                GOOGLE,
                                CLIENT_ID,
                                "g-1",
                                Instant.now().minusSeconds(120),
                                Map.of())));
        RsaJsonWebKey stranger = TestIssuer.newKey("key-1"); // same kid, different key
        assertFails(
                AuthError.INVALID_JWT,
                () -> issuers.verify(
                        "google",
                        TestIssuer.idToken(
                                stranger,
                                GOOGLE,
                                CLIENT_ID,
                                "g-1",
                                Instant.now().plusSeconds(60),
                                Map.of())));
    }

    @Test
    void anIssuerPublishingP256KeysIsVerifiedWithEs256AndNoKeyPassesForAnotherType() {
        var ec = TestIssuer.newEcKey("supabase-ec-1");
        google.publish(ec);
        String es256 =
                TestIssuer.idToken(ec, GOOGLE, CLIENT_ID, "g-ec", Instant.now().plusSeconds(60), Map.of());

        assertThat(issuers.verify("google", es256).subject()).isEqualTo("g-ec");

        // A token claiming RS256 under the EC key's id: the key's type does not fit the algorithm.
        var rsaUnderEcKid = TestIssuer.newKey("supabase-ec-1");
        assertFails(
                AuthError.INVALID_JWT,
                () -> issuers.verify(
                        "google",
                        TestIssuer.idToken(
                                rsaUnderEcKid,
                                GOOGLE,
                                CLIENT_ID,
                                "g-ec",
                                Instant.now().plusSeconds(60),
                                Map.of())));
    }

    @Test
    void withAHostedDomainOnlyAccountsOfThatDomainAreAccepted() {
        OutboundCallSettings calls = new OutboundCallSettings(
                Duration.ofMillis(1500), 2, Duration.ofMillis(20), 50f, 4, Duration.ofSeconds(30), 8);
        TrustedIssuers workspace = new TrustedIssuers(
                List.of(new TrustedIssuerSettings(
                        "google",
                        List.of(GOOGLE),
                        Optional.of(URI.create(google.jwksUrl())),
                        Optional.empty(),
                        CLIENT_ID,
                        "sub",
                        "email",
                        false,
                        false,
                        false,
                        Optional.of("studio.example"))),
                calls,
                Clock.systemUTC());

        assertThat(workspace
                        .verify(
                                "google",
                                google.idToken(
                                        GOOGLE,
                                        CLIENT_ID,
                                        "g-in",
                                        Map.of("hd", "studio.example", "email", "ana@studio.example")))
                        .subject())
                .isEqualTo("g-in");
        assertFails(
                AuthError.INVALID_JWT,
                () -> workspace.verify(
                        "google",
                        google.idToken(
                                GOOGLE,
                                CLIENT_ID,
                                "g-out",
                                Map.of("hd", "elsewhere.example", "email", "ana@studio.example"))));
        assertFails(
                AuthError.INVALID_JWT,
                () -> workspace.verify(
                        "google",
                        google.idToken(GOOGLE, CLIENT_ID, "g-personal", Map.of("email", "ana@studio.example"))));
    }

    @Test
    void hsRsConfusionIsRefused() {
        // The classic attack: HMAC-sign with the issuer's *public* key as the secret.
        String publicKeyAsSecret =
                new String(google.currentKey().getPublicKey().getEncoded(), StandardCharsets.ISO_8859_1);
        String confused = hs256(
                publicKeyAsSecret + "-padding-to-be-long-enough",
                GOOGLE,
                CLIENT_ID,
                Instant.now().plusSeconds(60));

        assertFails(AuthError.INVALID_JWT, () -> issuers.verify("google", confused));
        // ...and an RS256 token is refused by an issuer configured with a shared secret.
        assertFails(
                AuthError.INVALID_JWT,
                () -> issuers.verify("supabase", google.idToken(SUPABASE, "authenticated", "x", Map.of())));
    }

    @Test
    void anUnknownKidRefetchesOnceForRotationButNotForEveryMadeUpKid() {
        issuers.verify("google", google.idToken(GOOGLE, CLIENT_ID, "g-1", Map.of()));
        google.publish(TestIssuer.newKey("key-2"));

        assertThat(issuers.verify("google", google.idToken(GOOGLE, CLIENT_ID, "g-2", Map.of()))
                        .subject())
                .isEqualTo("g-2");
        assertThat(google.jwksFetches()).isEqualTo(2);

        for (int i = 0; i < 5; i++) {
            RsaJsonWebKey madeUp = TestIssuer.newKey("made-up-" + i);
            assertFails(
                    AuthError.IDENTITY_PROVIDER_UNAVAILABLE,
                    () -> issuers.verify(
                            "google",
                            TestIssuer.idToken(
                                    madeUp,
                                    GOOGLE,
                                    CLIENT_ID,
                                    "g-x",
                                    Instant.now().plusSeconds(60),
                                    Map.of())));
        }
        assertThat(google.jwksFetches()).as("refetches are rate-limited").isEqualTo(2);
    }

    @Test
    void aKeyRotatedInJustAfterAMadeUpKidTriggeredARefetchIsRetriedNotRefused() {
        issuers.verify("google", google.idToken(GOOGLE, CLIENT_ID, "g-1", Map.of()));
        RsaJsonWebKey madeUp = TestIssuer.newKey("made-up");
        assertFails(
                AuthError.INVALID_JWT,
                () -> issuers.verify(
                        "google",
                        TestIssuer.idToken(
                                madeUp, GOOGLE, CLIENT_ID, "g-x", Instant.now().plusSeconds(60), Map.of())));
        google.publish(TestIssuer.newKey("key-rotated"));

        assertFails(
                AuthError.IDENTITY_PROVIDER_UNAVAILABLE,
                () -> issuers.verify("google", google.idToken(GOOGLE, CLIENT_ID, "g-2", Map.of())));
    }

    @Test
    void anUnknownKidWhileTheJwksCannotBeFetchedIsUnavailableNotInvalid() {
        issuers.verify("google", google.idToken(GOOGLE, CLIENT_ID, "g-1", Map.of()));
        google.failWith(503);
        RsaJsonWebKey rotated = TestIssuer.newKey("key-rotated");

        assertFails(
                AuthError.IDENTITY_PROVIDER_UNAVAILABLE,
                () -> issuers.verify(
                        "google",
                        TestIssuer.idToken(
                                rotated, GOOGLE, CLIENT_ID, "g-2", Instant.now().plusSeconds(60), Map.of())));
        assertThat(issuers.verify("google", google.idToken(GOOGLE, CLIENT_ID, "g-3", Map.of()))
                        .subject())
                .as("the cached key still serves")
                .isEqualTo("g-3");
    }

    @Test
    void anUnreachableJwksWithNothingCachedIsUnavailableNotInvalid() {
        google.failWith(503);

        assertFails(
                AuthError.IDENTITY_PROVIDER_UNAVAILABLE,
                () -> issuers.verify("google", google.idToken(GOOGLE, CLIENT_ID, "g-1", Map.of())));
        assertThat(google.jwksFetches()).as("one retry after the first failure").isEqualTo(2);
    }

    @Test
    void aSlowJwksHitsTheTimeLimit() {
        google.answerAfter(4000);

        long started = System.nanoTime();
        assertFails(
                AuthError.IDENTITY_PROVIDER_UNAVAILABLE,
                () -> issuers.verify("google", google.idToken(GOOGLE, CLIENT_ID, "g-1", Map.of())));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3900));
    }

    @Test
    void cachedKeysKeepServingWhileTheProviderIsDown() {
        issuers.verify("google", google.idToken(GOOGLE, CLIENT_ID, "g-1", Map.of()));
        google.dropConnections();

        assertThat(issuers.verify("google", google.idToken(GOOGLE, CLIENT_ID, "g-2", Map.of()))
                        .subject())
                .isEqualTo("g-2");
    }

    @Test
    void repeatedFailuresOpenTheBreakerAndStopCallingTheProvider() {
        google.failWith(500);
        for (int i = 0; i < 4; i++) {
            assertFails(
                    AuthError.IDENTITY_PROVIDER_UNAVAILABLE,
                    () -> issuers.verify("google", google.idToken(GOOGLE, CLIENT_ID, "g", Map.of())));
        }
        assertThat(issuers.circuitBreakers().find("jwks-google").orElseThrow().getState())
                .isEqualTo(CircuitBreaker.State.OPEN);
        int fetches = google.jwksFetches();

        assertFails(
                AuthError.IDENTITY_PROVIDER_UNAVAILABLE,
                () -> issuers.verify("google", google.idToken(GOOGLE, CLIENT_ID, "g", Map.of())));
        assertThat(google.jwksFetches()).isEqualTo(fetches);
    }

    @Test
    void aSharedSecretIssuerAcceptsItsHs256TokensAsBearer() {
        String token =
                hs256(SUPABASE_SECRET, SUPABASE, "authenticated", Instant.now().plusSeconds(60));

        assertThat(issuers.identify(token))
                .contains(new dev.latchkey.domain.external.ExternalTokenVerifier.TrustedIssuer("supabase", true));
        ExternalClaims claims = issuers.verify("supabase", token);
        assertThat(claims.subject()).isEqualTo("supa-user-1");
        assertThat(claims.emailVerified()).isTrue();
        assertFails(
                AuthError.INVALID_JWT,
                () -> issuers.verify(
                        "supabase",
                        hs256(
                                "another-secret-that-is-also-32-bytes-long!",
                                SUPABASE,
                                "authenticated",
                                Instant.now().plusSeconds(60))));
    }

    @Test
    void tokensOfUnknownIssuersAreNotIdentified() {
        assertThat(issuers.identify(google.idToken("https://evil.example", CLIENT_ID, "x", Map.of())))
                .isEmpty();
        assertThat(issuers.identify("sk_live_nope")).isEmpty();
    }
}
