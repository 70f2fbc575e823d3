package dev.latchkey.domain.testing;

import dev.latchkey.domain.oauth.AuthorizationCode;
import dev.latchkey.domain.oauth.AuthorizationCodeStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory twin of the JDBI store; passes the same contract test. */
public final class InMemoryAuthorizationCodeStore implements AuthorizationCodeStore {
    private record Row(AuthorizationCode code, Optional<String> familyId) {}

    private final Map<String, Row> codes = new ConcurrentHashMap<>();

    @Override
    public void insert(AuthorizationCode code) {
        codes.put(code.codeHash(), new Row(code, Optional.empty()));
    }

    @Override
    public synchronized Optional<Redemption> redeem(String codeHash, String familyId, Instant at) {
        Row row = codes.get(codeHash);
        if (row == null) {
            return Optional.empty();
        }
        if (row.familyId().isPresent()) {
            return Optional.of(new Redemption(row.code(), row.familyId()));
        }
        codes.put(codeHash, new Row(row.code(), Optional.of(familyId)));
        return Optional.of(new Redemption(row.code(), Optional.empty()));
    }

    @Override
    public int deleteExpiredBefore(Instant cutoff) {
        int before = codes.size();
        codes.values().removeIf(row -> row.code().expiresAt().isBefore(cutoff));
        return before - codes.size();
    }
}
