package dev.latchkey.domain.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorMapping;
import dev.latchkey.domain.actor.ActorMappingStore;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ActorMappingStore} must do. */
public abstract class ActorMappingStoreContract {
    protected ActorMappingStore mappings;
    protected String tenant;

    protected abstract ActorMappingStore actorMappingStore();

    protected abstract WorkspaceStore workspaceStore();

    @BeforeEach
    void setUpStore() {
        mappings = actorMappingStore();
        tenant = "ws_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        workspaceStore().insert(new Workspace(tenant, "mapped", Instant.parse("2026-01-01T00:00:00Z"), Optional.empty()));
    }

    private ActorMapping mapping(String subject, ActorStatus status, Set<String> owners) {
        return new ActorMapping("workos", subject, new Actor("act_" + Integer.toHexString(subject.hashCode()), ActorKind.HUMAN, status,
                Optional.of(tenant), "artist", owners));
    }

    @Test
    void savedMappingsComeBackWithEveryFieldIncludingOwnerScopes() {
        ActorMapping saved = mapping("user_" + UUID.randomUUID(), ActorStatus.ACTIVE, Set.of("studio_1", "artist_9"));

        mappings.save(saved);

        assertThat(mappings.find("workos", saved.subject())).contains(saved);
        assertThat(mappings.find("other", saved.subject())).isEmpty();
    }

    @Test
    void savingAgainReplacesTheActorAndListingIsPerTenant() {
        String subject = "user_" + UUID.randomUUID();
        mappings.save(mapping(subject, ActorStatus.ACTIVE, Set.of()));
        ActorMapping deactivated = mapping(subject, ActorStatus.INACTIVE, Set.of("studio_2"));

        mappings.save(deactivated);

        assertThat(mappings.find("workos", subject)).contains(deactivated);
        assertThat(mappings.listByTenant(tenant)).containsExactly(deactivated);
        assertThat(mappings.listByTenant("ws_elsewhere")).isEmpty();
    }
}
