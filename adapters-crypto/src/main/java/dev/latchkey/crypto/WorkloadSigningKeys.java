package dev.latchkey.crypto;

import dev.latchkey.domain.workloadtoken.SigningKeyStore;
import dev.latchkey.domain.workloadtoken.StoredSigningKey;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * The workload-token key ring, shared by every instance through the {@link SigningKeyStore}: private
 * keys are stored only encrypted. A rotated-in key is published at once but signs only after
 * {@code activationDelay}, so verifiers caching the JWKS have it before its first token; the key it
 * replaces keeps signing until then and stays published for {@code publishAfterRetirement} (the
 * longest a token of it can live). Each instance re-reads the ring at most every {@code refreshEvery}.
 */
public final class WorkloadSigningKeys {
    private record Ring(Optional<RsaJsonWebKey> signing, List<JsonWebKey> published, Instant loadedAt) {}

    private final SigningKeyStore store;
    private final KeyEncryption encryption;
    private final Clock clock;
    private final Duration activationDelay;
    private final Duration publishAfterRetirement;
    private final Duration refreshEvery;
    private volatile Ring ring;

    public WorkloadSigningKeys(
            SigningKeyStore store,
            byte[] keyEncryptionKey,
            Clock clock,
            Duration activationDelay,
            Duration publishAfterRetirement,
            Duration refreshEvery) {
        this.store = store;
        this.encryption = new KeyEncryption(keyEncryptionKey);
        this.clock = clock;
        this.activationDelay = activationDelay;
        this.publishAfterRetirement = publishAfterRetirement;
        this.refreshEvery = refreshEvery;
    }

    /** The key that signs now; the first ever key is created on demand and signs at once. */
    RsaJsonWebKey signingKey() {
        Optional<RsaJsonWebKey> signing = current().signing();
        if (signing.isPresent()) {
            return signing.get();
        }
        synchronized (this) {
            Ring reloaded = reload();
            if (reloaded.signing().isPresent()) {
                return reloaded.signing().get();
            }
            create(clock.instant());
            return reload().signing().orElseThrow();
        }
    }

    /** Signs claims RS256 with the current key, its {@code kid} and the given {@code typ} header. */
    String sign(JwtClaims claims, String type) {
        RsaJsonWebKey key = signingKey();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setHeader("typ", type);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a " + type, e);
        }
    }

    /** Every key a valid token may carry, for verification and the JWKS. */
    List<JsonWebKey> publishedKeys() {
        return current().published();
    }

    /** Reads the ring again (after an unknown {@code kid}) unless it was read within {@code interval}. */
    boolean refreshAtMostEvery(Duration interval) {
        if (clock.instant().isBefore(current().loadedAt().plus(interval))) {
            return false;
        }
        reload();
        return true;
    }

    /**
     * Adds a new key that signs after the activation delay; the keys signing now retire then.
     *
     * @return the new key's id and when it starts signing
     */
    public StoredSigningKey rotate() {
        Instant activatesAt = clock.instant().plus(activationDelay);
        for (StoredSigningKey key : store.list()) {
            if (key.retiredAt().isEmpty()) {
                store.retire(key.kid(), activatesAt);
            }
        }
        StoredSigningKey created = create(activatesAt);
        reload();
        return created;
    }

    private StoredSigningKey create(Instant activatesAt) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            String kid = "wk-" + UUID.randomUUID();
            key.setKeyId(kid);
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            StoredSigningKey stored = new StoredSigningKey(
                    kid,
                    key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
                    encryption.encrypt(key.getPrivateKey().getEncoded(), kid),
                    clock.instant(),
                    activatesAt,
                    Optional.empty());
            store.insert(stored);
            return stored;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    private Ring current() {
        Ring loaded = ring;
        if (loaded == null || clock.instant().isAfter(loaded.loadedAt().plus(refreshEvery))) {
            return reload();
        }
        return loaded;
    }

    private synchronized Ring reload() {
        Instant now = clock.instant();
        List<StoredSigningKey> stored = new ArrayList<>(store.list());
        stored.sort(Comparator.comparing(StoredSigningKey::activatesAt));
        List<JsonWebKey> published = new ArrayList<>();
        Optional<RsaJsonWebKey> signing = Optional.empty();
        for (StoredSigningKey key : stored) {
            boolean stillPublished = key.retiredAt()
                    .map(at -> now.isBefore(at.plus(publishAfterRetirement)))
                    .orElse(true);
            if (!stillPublished) {
                continue;
            }
            RsaJsonWebKey jwk = withPrivateKey(key);
            published.add(jwk);
            boolean signsNow = !now.isBefore(key.activatesAt())
                    && key.retiredAt().map(now::isBefore).orElse(true);
            if (signsNow) {
                signing = Optional.of(jwk); // the latest activated wins
            }
        }
        ring = new Ring(signing, List.copyOf(published), now);
        return ring;
    }

    private RsaJsonWebKey withPrivateKey(StoredSigningKey stored) {
        try {
            RsaJsonWebKey jwk = (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(stored.publicJwk());
            byte[] pkcs8 = encryption.decrypt(stored.encryptedPrivateKey(), stored.kid());
            jwk.setPrivateKey(
                    (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
            return jwk;
        } catch (JoseException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot load signing key " + stored.kid(), e);
        }
    }
}
