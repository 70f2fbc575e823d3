package dev.latchkey.domain.apikey;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.auth.AbsentCredentials;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.CredentialVerifier;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.common.Caches;
import dev.latchkey.domain.common.SecretHasher;
import dev.latchkey.domain.common.StoreUnavailable;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Verifies Latchkey API keys ({@code sk_live_…}, as a bearer token or in {@code X-API-Key}).
 *
 * <p>Cost by case: a malformed key or bad checksum, a string check; a key verified within
 * {@code revalidateAfter}, one SHA-256 and a map lookup; a cached key due for revalidation, one
 * indexed read and no argon2; anything else, one read and one argon2id verification, limited per
 * prefix after repeated mismatches. Revocation in this process evicts at once; another process
 * learns of it when its cache entry is next revalidated, so {@code revalidateAfter} bounds the
 * delay.
 */
public final class ApiKeyVerifier implements CredentialVerifier {
    static final String ROLE = "api_key";

    private final ApiKeyStore keys;
    private final WorkspaceStore workspaces;
    private final SecretHasher hasher;
    private final VerificationCache cache;
    private final LastUsedRecorder lastUsed;
    private final Clock clock;
    private final Duration revalidateAfter;
    private final AbsentCredentials unknownPrefixes;

    public ApiKeyVerifier(
            ApiKeyStore keys,
            WorkspaceStore workspaces,
            SecretHasher hasher,
            VerificationCache cache,
            LastUsedRecorder lastUsed,
            Clock clock,
            Duration revalidateAfter,
            Caches caches) {
        this.unknownPrefixes = new AbsentCredentials(caches, "unknown_api_key_prefixes");
        this.keys = keys;
        this.workspaces = workspaces;
        this.hasher = hasher;
        this.cache = cache;
        this.lastUsed = lastUsed;
        this.clock = clock;
        this.revalidateAfter = revalidateAfter;
    }

    @Override
    public CredentialKind kind() {
        return CredentialKind.API_KEY;
    }

    @Override
    public boolean recognises(PresentedCredential credential) {
        return credential instanceof PresentedCredential.ApiKeyHeader
                || ApiKeyFormat.looksLikeApiKey(credential.value());
    }

    @Override
    public Principal verify(PresentedCredential credential) {
        String presented = credential.value();
        String prefix = ApiKeyFormat.lookupPrefixOf(presented).orElseThrow(() -> invalid("The API key is malformed"));
        Instant now = clock.instant();
        ByteBuffer fingerprint = credential.fingerprint();

        Optional<VerificationCache.Entry> cached = cache.get(fingerprint);
        if (cached.isPresent()) {
            VerificationCache.Entry entry = cached.get();
            if (entry.expiredAt(now)) {
                cache.remove(fingerprint);
                throw invalid("The API key has expired");
            }
            if (now.isBefore(entry.revalidateAt())) {
                lastUsed.record(entry.credentialId(), now);
                return entry.principal();
            }
            ApiKey row = load(() -> keys.findByLookupPrefix(prefix)).orElse(null);
            if (row != null
                    && row.id().equals(entry.credentialId())
                    && row.secretHash().equals(entry.proof())) {
                return accept(fingerprint, row, now); // same row, same hash: no need to hash again
            }
            cache.remove(fingerprint);
        }

        if (unknownPrefixes.isKnownAbsent(prefix)) {
            throw invalid("The API key is not valid");
        }
        Optional<ApiKey> stored = load(() -> keys.findByLookupPrefix(prefix));
        if (stored.isEmpty()) {
            // A prefix is random: one that names no key now will not name a key issued later.
            unknownPrefixes.rememberAbsent(prefix);
        }
        ApiKey row = stored.orElseThrow(() -> invalid("The API key is not valid"));
        if (!row.isUsableAt(now)) {
            throw invalid("The API key is not valid");
        }
        // No lock per prefix: prefixes are visible to members and checksums computable, so a lock
        // would let anyone refuse the real key. Slow hashing is bounded globally (BoundedSecretHasher).
        if (!hasher.verify(row.secretHash(), presented)) {
            throw invalid("The API key is not valid");
        }
        return accept(fingerprint, row, now);
    }

    private Principal accept(ByteBuffer fingerprint, ApiKey row, Instant now) {
        if (!row.isUsableAt(now)) {
            cache.remove(fingerprint);
            throw invalid("The API key is not valid");
        }
        Workspace workspace = load(() -> workspaces.findById(row.workspaceId()))
                .filter(w -> !w.isDeleted())
                .orElseThrow(() -> new AuthFailure(
                        AuthError.WORKSPACE_NOT_FOUND, "The workspace of this API key no longer exists"));
        Principal principal = principalOf(row, workspace);
        cache.put(
                fingerprint,
                new VerificationCache.Entry(
                        row.id(), row.secretHash(), principal, row.expiresAt(), now.plus(revalidateAfter)));
        lastUsed.record(row.id(), now);
        return principal;
    }

    private static Principal principalOf(ApiKey key, Workspace workspace) {
        Actor actor =
                new Actor(key.id(), ActorKind.SERVICE, ActorStatus.ACTIVE, Optional.of(workspace.id()), ROLE, Set.of());
        return new Principal(
                actor, Optional.of(workspace.id()), CredentialKind.API_KEY, key.scopes(), key.id(), key.expiresAt());
    }

    private static <T> T load(Supplier<T> read) {
        try {
            return read.get();
        } catch (StoreUnavailable e) {
            throw new AuthFailure(
                    AuthError.IDENTITY_PROVIDER_UNAVAILABLE,
                    "The credential store cannot be reached; try again shortly");
        }
    }

    private static AuthFailure invalid(String detail) {
        return new AuthFailure(AuthError.INVALID_API_KEY, detail);
    }
}
