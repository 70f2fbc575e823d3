package dev.latchkey.domain.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyStore;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.TestApiKeys;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ApiKeyStore} must do. Subclasses supply fresh, empty stores. */
public abstract class ApiKeyStoreContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    protected ApiKeyStore keys;
    protected String workspaceId;

    protected abstract ApiKeyStore apiKeyStore();

    protected abstract WorkspaceStore workspaceStore();

    @BeforeEach
    void setUpStores() {
        keys = apiKeyStore();
        workspaceId = "ws_" + UUID.randomUUID().toString().substring(0, 8);
        workspaceStore().insert(new Workspace(workspaceId, "contract", T0, Optional.empty()));
    }

    @Test
    void insertThenFindByPrefixAndIdReturnsTheSameKey() {
        ApiKey key = TestApiKeys.inWorkspace(workspaceId)
                .scopes(ScopeSet.parse(java.util.List.of("records:read", "audit:*")))
                .createdAt(T0)
                .expiresAt(T0.plusSeconds(3600))
                .build();

        assertThat(keys.insert(key)).isTrue();

        assertThat(keys.findByLookupPrefix(key.lookupPrefix())).contains(key);
        assertThat(keys.findById(key.id())).contains(key);
    }

    @Test
    void insertWhenPrefixTakenThenFalseAndNothingStored() {
        ApiKey first = TestApiKeys.inWorkspace(workspaceId).build();
        ApiKey clash = TestApiKeys.inWorkspace(workspaceId)
                .lookupPrefix(first.lookupPrefix())
                .build();
        keys.insert(first);

        assertThat(keys.insert(clash)).isFalse();
        assertThat(keys.findById(clash.id())).isEmpty();
    }

    @Test
    void findWhenUnknownThenEmpty() {
        assertThat(keys.findByLookupPrefix("sk_live_nothere")).isEmpty();
        assertThat(keys.findById("key_missing")).isEmpty();
    }

    @Test
    void listByWorkspaceReturnsOnlyThatWorkspaceNewestFirst() {
        ApiKey older =
                TestApiKeys.inWorkspace(workspaceId).name("older").createdAt(T0).build();
        ApiKey newer = TestApiKeys.inWorkspace(workspaceId)
                .name("newer")
                .createdAt(T0.plusSeconds(60))
                .build();
        String otherWorkspace = "ws_other_" + UUID.randomUUID().toString().substring(0, 8);
        workspaceStore().insert(new Workspace(otherWorkspace, "other", T0, Optional.empty()));
        ApiKey foreign = TestApiKeys.inWorkspace(otherWorkspace).build();
        keys.insert(older);
        keys.insert(newer);
        keys.insert(foreign);

        assertThat(keys.listByWorkspace(workspaceId)).extracting(ApiKey::name).containsExactly("newer", "older");
    }

    @Test
    void markRevokedKeepsTheRowAndIsIdempotent() {
        ApiKey key = TestApiKeys.inWorkspace(workspaceId).build();
        keys.insert(key);

        assertThat(keys.markRevoked(key.id(), T0)).isTrue();
        assertThat(keys.markRevoked(key.id(), T0.plusSeconds(5))).isFalse();

        assertThat(keys.findById(key.id())).get().extracting(ApiKey::revokedAt).isEqualTo(Optional.of(T0));
    }

    @Test
    void aKeyIsMarkedRolledOnce() {
        ApiKey key = TestApiKeys.inWorkspace(workspaceId).build();
        keys.insert(key);

        assertThat(keys.markRolled(key.id(), T0)).isTrue();
        assertThat(keys.markRolled(key.id(), T0.plusSeconds(1)))
                .as("a second roll")
                .isFalse();
        assertThat(keys.markRolled("key_unknown", T0)).isFalse();
    }

    @Test
    void expireNoLaterThanNeverExtendsAnEarlierExpiry() {
        ApiKey key = TestApiKeys.inWorkspace(workspaceId)
                .expiresAt(T0.plusSeconds(100))
                .build();
        ApiKey open = TestApiKeys.inWorkspace(workspaceId).build();
        keys.insert(key);
        keys.insert(open);

        keys.expireNoLaterThan(key.id(), T0.plusSeconds(500));
        keys.expireNoLaterThan(open.id(), T0.plusSeconds(500));

        assertThat(keys.findById(key.id()).orElseThrow().expiresAt()).contains(T0.plusSeconds(100));
        assertThat(keys.findById(open.id()).orElseThrow().expiresAt()).contains(T0.plusSeconds(500));
    }

    @Test
    void recordLastUsedOnlyMovesForward() {
        ApiKey key = TestApiKeys.inWorkspace(workspaceId).build();
        keys.insert(key);

        keys.recordLastUsed(Map.of(key.id(), T0.plusSeconds(60)));
        keys.recordLastUsed(Map.of(key.id(), T0.plusSeconds(30), "key_unknown", T0));

        assertThat(keys.findById(key.id()).orElseThrow().lastUsedAt()).contains(T0.plusSeconds(60));
    }
}
