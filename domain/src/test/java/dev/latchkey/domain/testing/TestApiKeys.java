package dev.latchkey.domain.testing;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyFormat;
import dev.latchkey.domain.scope.ScopeSet;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Builders of API-key records for store and use-case tests. */
public final class TestApiKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestApiKeys() {}

    public static Builder inWorkspace(String workspaceId) {
        return new Builder(workspaceId);
    }

    /** A builder with a fresh random id and lookup prefix. */
    public static final class Builder {
        private final String workspaceId;
        private String id =
                "key_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        private String prefix = ApiKeyFormat.generate(RANDOM).lookupPrefix();
        private String name = "test key";
        private ScopeSet scopes = ScopeSet.ALL;
        private Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");
        private Optional<Instant> expiresAt = Optional.empty();
        private Optional<Instant> revokedAt = Optional.empty();

        private Builder(String workspaceId) {
            this.workspaceId = workspaceId;
        }

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder lookupPrefix(String value) {
            this.prefix = value;
            return this;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder scopes(ScopeSet value) {
            this.scopes = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public Builder expiresAt(Instant value) {
            this.expiresAt = Optional.of(value);
            return this;
        }

        public Builder revokedAt(Instant value) {
            this.revokedAt = Optional.of(value);
            return this;
        }

        public ApiKey build() {
            return new ApiKey(
                    id,
                    workspaceId,
                    name,
                    prefix,
                    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
                    scopes,
                    createdAt,
                    "actor_test",
                    expiresAt,
                    revokedAt,
                    Optional.empty());
        }
    }
}
