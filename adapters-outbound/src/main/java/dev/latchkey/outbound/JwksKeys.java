package dev.latchkey.outbound;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import java.net.URI;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * One issuer's signing keys, fetched from its JWKS URL and kept for {@code maxAge}. An unknown
 * {@code kid} triggers a refetch (keys rotate), at most once per {@code minRefreshInterval} so a
 * flood of made-up kids cannot hammer the provider. When a refetch fails, the keys already held
 * keep serving; only when there are none is the provider unavailable. An unknown {@code kid} is
 * refused as {@code invalid_jwt} only once a fresh key set was consulted; when it could not be (the
 * fetch failed, or a refetch moments ago — which anyone can trigger with a made-up kid — means
 * waiting), the answer is 503 {@code identity_provider_unavailable}: a key just rotated in is then
 * retried, not refused.
 */
public final class JwksKeys {
    private record Snapshot(List<JsonWebKey> keys, Instant fetchedAt) {}

    private final URI url;
    private final ResilientHttp http;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration minRefreshInterval;
    private volatile Snapshot snapshot;
    /** When an unknown kid last caused a refetch; age-based refreshes do not count. */
    private volatile Instant lastKidRefetch = Instant.MIN;
    /** Whether the last refetch for an unknown kid failed. */
    private volatile boolean lastKidRefetchFailed;

    public JwksKeys(URI url, ResilientHttp http, Clock clock, Duration maxAge, Duration minRefreshInterval) {
        this.url = url;
        this.http = http;
        this.clock = clock;
        this.maxAge = maxAge;
        this.minRefreshInterval = minRefreshInterval;
    }

    /** The public key with this id, refetching once if it is unknown. */
    public Key keyFor(String kid) {
        Snapshot current = snapshot;
        if (current == null || clock.instant().isAfter(current.fetchedAt().plus(maxAge))) {
            current = refresh(current, true);
        }
        Optional<Key> key = find(current, kid);
        if (key.isPresent()) {
            return key.get();
        }
        if (!mayRefetch()) {
            throw new ProviderUnavailable(
                    "unknown key id for " + url.getHost() + ": its key set was fetched moments" + " ago; retry shortly",
                    null);
        }
        Snapshot fresh = refresh(current, false);
        if (lastKidRefetchFailed) {
            throw new ProviderUnavailable(
                    "unknown key id for " + url.getHost() + ", and its key set cannot be fetched", null);
        }
        return find(fresh, kid)
                .orElseThrow(() -> new AuthFailure(
                        AuthError.INVALID_JWT, "The token is signed with a key the issuer does not publish"));
    }

    private boolean mayRefetch() {
        return !clock.instant().isBefore(lastKidRefetch.plus(minRefreshInterval));
    }

    private synchronized Snapshot refresh(Snapshot seen, boolean dueToAge) {
        if (snapshot != seen) {
            return snapshot; // another thread refreshed while we waited
        }
        if (!dueToAge) {
            if (!mayRefetch()) {
                return seen;
            }
            lastKidRefetch = clock.instant();
        }
        try {
            JsonWebKeySet set = new JsonWebKeySet(http.get(url));
            snapshot = new Snapshot(List.copyOf(set.getJsonWebKeys()), clock.instant());
            if (!dueToAge) {
                lastKidRefetchFailed = false;
            }
            return snapshot;
        } catch (ProviderUnavailable | JoseException e) {
            if (!dueToAge) {
                lastKidRefetchFailed = true;
            }
            if (seen != null) {
                return seen; // stale keys beat no keys; the next request tries again after the interval
            }
            throw new ProviderUnavailable("no signing keys for " + url.getHost(), e);
        }
    }

    private static Optional<Key> find(Snapshot snapshot, String kid) {
        return snapshot.keys().stream()
                .filter(k -> kid == null ? snapshot.keys().size() == 1 : kid.equals(k.getKeyId()))
                .filter(k -> k instanceof PublicJsonWebKey)
                .findFirst()
                .map(k -> (Key) ((PublicJsonWebKey) k).getPublicKey());
    }
}
