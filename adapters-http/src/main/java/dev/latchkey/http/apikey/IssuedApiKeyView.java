package dev.latchkey.http.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.latchkey.domain.apikey.IssuedApiKey;
import java.time.Instant;
import java.util.List;

/** A new key: the one response where the full {@code key} appears. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuedApiKeyView(
        String id,
        String name,
        String prefix,
        List<String> scopes,
        String createdAt,
        String expiresAt,
        String key,
        String replaces,
        String replacedKeyExpiresAt) {

    static IssuedApiKeyView of(IssuedApiKey issued) {
        return of(issued, null, null);
    }

    static IssuedApiKeyView of(IssuedApiKey issued, String replaces, Instant replacedKeyExpiresAt) {
        var key = issued.key();
        return new IssuedApiKeyView(
                key.id(),
                key.name(),
                key.lookupPrefix(),
                key.scopes().asStrings(),
                key.createdAt().toString(),
                key.expiresAt().map(Instant::toString).orElse(null),
                issued.secret().value(),
                replaces,
                replacedKeyExpiresAt == null ? null : replacedKeyExpiresAt.toString());
    }
}
