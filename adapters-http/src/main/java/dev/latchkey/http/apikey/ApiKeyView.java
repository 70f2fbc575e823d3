package dev.latchkey.http.apikey;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.apikey.ApiKey;
import java.time.Instant;
import java.util.List;

/** An API key as listed to admins: everything but a secret, which is not stored anyway. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiKeyView(
        String id,
        String name,
        String prefix,
        List<String> scopes,
        String status,
        String createdAt,
        String createdBy,
        String lastUsedAt,
        String expiresAt,
        String revokedAt) {

    static ApiKeyView of(ApiKey key, Instant now) {
        return new ApiKeyView(
                key.id(),
                key.name(),
                key.lookupPrefix(),
                key.scopes().asStrings(),
                key.statusAt(now),
                key.createdAt().toString(),
                key.createdBy(),
                key.lastUsedAt().map(Instant::toString).orElse(null),
                key.expiresAt().map(Instant::toString).orElse(null),
                key.revokedAt().map(Instant::toString).orElse(null));
    }
}
