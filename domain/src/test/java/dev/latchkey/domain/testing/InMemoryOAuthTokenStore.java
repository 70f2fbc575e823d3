package dev.latchkey.domain.testing;

import dev.latchkey.domain.oauth.OAuthToken;
import dev.latchkey.domain.oauth.OAuthTokenStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryOAuthTokenStore implements OAuthTokenStore {
    private final Map<String, OAuthToken> tokens = new ConcurrentHashMap<>();

    @Override
    public void insert(OAuthToken token) {
        tokens.put(token.id(), token);
    }

    @Override
    public Optional<OAuthToken> findByAccessHash(String accessHash) {
        return tokens.values().stream()
                .filter(t -> t.accessHash().equals(accessHash))
                .findFirst();
    }

    @Override
    public Optional<OAuthToken> findByRefreshHash(String refreshHash) {
        return tokens.values().stream()
                .filter(t -> t.refreshHash().filter(refreshHash::equals).isPresent())
                .findFirst();
    }

    @Override
    public synchronized boolean markRotated(String id, Instant at) {
        OAuthToken t = tokens.get(id);
        if (t == null || t.rotatedAt().isPresent()) {
            return false;
        }
        tokens.put(id, copy(t, Optional.of(at), t.revokedAt()));
        return true;
    }

    @Override
    public synchronized List<String> revokeFamily(String familyId, Instant at) {
        List<OAuthToken> live = tokens.values().stream()
                .filter(t -> t.familyId().equals(familyId) && t.revokedAt().isEmpty())
                .sorted(Comparator.comparing(OAuthToken::id))
                .toList();
        live.forEach(t -> tokens.put(t.id(), copy(t, t.rotatedAt(), Optional.of(at))));
        return live.stream().map(OAuthToken::id).toList();
    }

    @Override
    public List<OAuthToken> listLiveByUser(String userId, Instant now) {
        return tokens.values().stream()
                .filter(t -> t.userId().filter(userId::equals).isPresent()
                        && t.revokedAt().isEmpty()
                        && t.refreshExpiresAt().isAfter(now))
                .sorted(Comparator.comparing(OAuthToken::issuedAt)
                        .thenComparing(OAuthToken::id)
                        .reversed())
                .toList();
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        int before = tokens.size();
        tokens.values().removeIf(t -> t.refreshExpiresAt().isBefore(cutoff));
        return before - tokens.size();
    }

    private static OAuthToken copy(OAuthToken t, Optional<Instant> rotatedAt, Optional<Instant> revokedAt) {
        return new OAuthToken(
                t.id(),
                t.familyId(),
                t.clientId(),
                t.userId(),
                t.workspaceId(),
                t.scopes(),
                t.grantedScopes(),
                t.resource(),
                t.accessHash(),
                t.accessExpiresAt(),
                t.refreshHash(),
                t.refreshExpiresAt(),
                t.issuedAt(),
                rotatedAt,
                revokedAt);
    }
}
