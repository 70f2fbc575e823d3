package dev.latchkey.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.common.Base62;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workspace.lifecycle.CreateWorkspace;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.CRC32;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiKeyVerifierTest {
    private ApiKeyWorld world;
    private CreateWorkspace.Created created;
    private String key;

    @BeforeEach
    void setUp() {
        world = new ApiKeyWorld();
        created = world.createWorkspace.execute("Salty", ApiKeyWorld.ADMIN);
        key = created.firstKey().secret().value();
    }

    private Principal verify(String value) {
        return world.verifier.verify(new PresentedCredential.Bearer(value));
    }

    private static void assertFailsWith(AuthError error, ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        AuthFailure.class,
                        failure -> assertThat(failure.error()).isEqualTo(error));
    }

    @Test
    void verifyWhenKeyIsValidThenPrincipalOfItsWorkspaceWithItsScopes() {
        Principal principal = verify(key);

        assertThat(principal.credentialKind()).isEqualTo(CredentialKind.API_KEY);
        assertThat(principal.tenantId()).contains(created.workspace().id());
        assertThat(principal.scopes()).isEqualTo(ScopeSet.ALL);
        assertThat(principal.credentialId()).isEqualTo(created.firstKey().key().id());
    }

    @Test
    void verifyWhenSeenRecentlyThenNoSlowHashingAtAll() {
        verify(key);
        int afterFirst = world.hasher.verifications();

        for (int i = 0; i < 100; i++) {
            verify(key);
        }

        assertThat(afterFirst).isEqualTo(1);
        assertThat(world.hasher.verifications()).isEqualTo(1);
    }

    @Test
    void verifyWhenRevalidationIsDueThenRereadsTheRowButDoesNotHashAgain() {
        verify(key);
        world.clock.advance(ApiKeyWorld.REVALIDATE_AFTER.plusSeconds(1));

        verify(key);

        assertThat(world.hasher.verifications()).isEqualTo(1);
    }

    @Test
    void verifyWhenRevokedInThisProcessThenFailsOnTheVeryNextRequest() {
        verify(key);

        world.revoke.execute(created.workspace().id(), created.firstKey().key().id(), ApiKeyWorld.ADMIN);

        assertFailsWith(AuthError.INVALID_API_KEY, () -> verify(key));
    }

    @Test
    void verifyWhenRevokedByAnotherProcessThenFailsOnceRevalidationIsDue() {
        verify(key);
        world.keys.markRevoked(created.firstKey().key().id(), world.clock.instant()); // behind this cache's back

        verify(key); // still within the documented bound
        world.clock.advance(ApiKeyWorld.REVALIDATE_AFTER);

        assertFailsWith(AuthError.INVALID_API_KEY, () -> verify(key));
    }

    @Test
    void verifyWhenMalformedOrBadChecksumThenRejectedWithoutTouchingTheStore() {
        world.keys.setUnavailable(true);

        assertFailsWith(AuthError.INVALID_API_KEY, () -> verify("sk_live_short"));
        assertFailsWith(AuthError.INVALID_API_KEY, () -> verify(key.substring(0, key.length() - 1) + "!"));
        assertThat(world.hasher.verifications()).isZero();
    }

    @Test
    void verifyWhenUnknownButWellFormedThenInvalidApiKeyWithoutHashing() {
        String stranger = ApiKeyFormat.generate(new SecureRandom()).value();

        assertFailsWith(AuthError.INVALID_API_KEY, () -> verify(stranger));
        assertThat(world.hasher.verifications()).isZero();
    }

    @Test
    void verifyWhenExpiredThenInvalidEvenIfCached() {
        IssuedApiKey shortLived = world.issue.execute(
                new IssueApiKey.Command(
                        created.workspace().id(),
                        "short",
                        Optional.empty(),
                        Optional.of(world.clock.instant().plusSeconds(10))),
                ScopeSet.ALL,
                ApiKeyWorld.ADMIN);
        verify(shortLived.secret().value());

        world.clock.advance(Duration.ofSeconds(10));

        assertFailsWith(
                AuthError.INVALID_API_KEY, () -> verify(shortLived.secret().value()));
    }

    @Test
    void verifyWhenSecretGuessedRepeatedlyThenTheRealKeyStillWorksEvenUncached() {
        ApiKey stored = created.firstKey().key();
        for (int i = 0; i < 20; i++) {
            String guess = forgeWithPrefix(stored.lookupPrefix());
            assertFailsWith(AuthError.INVALID_API_KEY, () -> verify(guess));
        }

        assertThat(verify(key).credentialId())
                .as("guessing at a prefix locks nobody out")
                .isEqualTo(stored.id());
    }

    @Test
    void verifyWhenKeyAlreadyCachedThenAnAttackOnItsPrefixDoesNotLockItOut() {
        verify(key);
        for (int i = 0; i < 10; i++) {
            String guess = forgeWithPrefix(created.firstKey().key().lookupPrefix());
            assertFailsWith(AuthError.INVALID_API_KEY, () -> verify(guess));
        }

        assertThat(verify(key).credentialId())
                .isEqualTo(created.firstKey().key().id());
    }

    @Test
    void verifyWhenWorkspaceDeletedThenWorkspaceNotFound() {
        world.workspaces.markDeleted(created.workspace().id(), world.clock.instant());

        assertFailsWith(AuthError.WORKSPACE_NOT_FOUND, () -> verify(key));
    }

    @Test
    void verifyWhenStoreIsDownAndNothingCachedThenUnavailableNotUnauthorized() {
        world.keys.setUnavailable(true);

        assertFailsWith(AuthError.IDENTITY_PROVIDER_UNAVAILABLE, () -> verify(key));
    }

    @Test
    void verifyWhenStoreIsDownButKeyRecentlyVerifiedThenStillServedFromCache() {
        verify(key);
        world.keys.setUnavailable(true);

        assertThat(verify(key).credentialId())
                .isEqualTo(created.firstKey().key().id());
    }

    @Test
    void recognisesOnlyOurBearerShapeButEveryApiKeyHeader() {
        assertThat(world.verifier.recognises(new PresentedCredential.Bearer(key)))
                .isTrue();
        assertThat(world.verifier.recognises(new PresentedCredential.Bearer("eyJhbGciOi.x.y")))
                .isFalse();
        assertThat(world.verifier.recognises(new PresentedCredential.ApiKeyHeader("anything")))
                .isTrue();
    }

    @Test
    void lastUsedIsWrittenOnFlushNotOnEachRequest() {
        verify(key);
        verify(key);
        assertThat(world.keys
                        .findById(created.firstKey().key().id())
                        .orElseThrow()
                        .lastUsedAt())
                .isEmpty();

        assertThat(world.lastUsed.flush()).isEqualTo(1);

        assertThat(world.keys
                        .findById(created.firstKey().key().id())
                        .orElseThrow()
                        .lastUsedAt())
                .contains(world.clock.instant());
    }

    @Test
    void lastUsedIsKeptForTheNextFlushWhenTheStoreIsDown() {
        verify(key);
        world.keys.setUnavailable(true);
        assertThatThrownBy(world.lastUsed::flush).isInstanceOf(RuntimeException.class);
        world.keys.setUnavailable(false);

        assertThat(world.lastUsed.flush()).isEqualTo(1);
    }

    /** A well-formed key (valid checksum) that shares a real key's lookup prefix but not its secret. */
    private static String forgeWithPrefix(String prefix) {
        String body = prefix + Base62.random(new SecureRandom(), ApiKeyFormat.LENGTH - 6 - prefix.length());
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return body + Base62.fixedWidth(crc.getValue(), 6);
    }
}
