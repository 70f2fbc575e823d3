package dev.latchkey.domain.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.actor.mapping.ActorMapping;
import dev.latchkey.domain.actor.mapping.ActorMappingStore;
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
        workspaceStore()
                .insert(new Workspace(tenant, "mapped", Instant.parse("2026-01-01T00:00:00Z"), Optional.empty()));
    }

    private ActorMapping mapping(String subject, ActorStatus status, Set<String> owners) {
        return mapping(tenant, subject, status, owners);
    }

    private static ActorMapping mapping(String tenantId, String subject, ActorStatus status, Set<String> owners) {
        return new ActorMapping(
                "workos",
                subject,
                new Actor(
                        "act_" + Integer.toHexString((tenantId + subject).hashCode()),
                        ActorKind.HUMAN,
                        status,
                        Optional.of(tenantId),
                        "artist",
                        owners));
    }

    private String anotherTenant() {
        String other = "ws_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        workspaceStore().insert(new Workspace(other, "other", Instant.parse("2026-01-01T00:00:00Z"), Optional.empty()));
        return other;
    }

    @Test
    void twoTenantsMapTheSameSubjectEachInItsOwnNamespace() {
        String subject = "api_key_" + UUID.randomUUID();
        String other = anotherTenant();
        ActorMapping ours = mapping(tenant, subject, ActorStatus.ACTIVE, Set.of());
        ActorMapping theirs = mapping(other, subject, ActorStatus.INACTIVE, Set.of("studio_9"));

        mappings.save(ours);
        mappings.save(theirs);

        assertThat(mappings.find("workos", subject, tenant)).contains(ours);
        assertThat(mappings.find("workos", subject, other)).contains(theirs);
        assertThat(mappings.listByTenant(tenant)).containsExactly(ours);
    }

    @Test
    void organizationWideMappingsKeepTheirFlag() {
        String org = "org_" + UUID.randomUUID();
        ActorMapping wide = new ActorMapping(
                "workos", org, mapping(org, ActorStatus.ACTIVE, Set.of()).actor(), true);

        mappings.save(wide);

        assertThat(mappings.find("workos", org, tenant)).contains(wide);
    }

    @Test
    void anOrganizationIsBoundToOneTenantAndRebindingMovesIt() {
        String org = "org_" + UUID.randomUUID();
        String other = anotherTenant();
        assertThat(mappings.tenantOfOrganization("workos", org)).isEmpty();

        mappings.bindOrganization("workos", org, tenant);
        assertThat(mappings.tenantOfOrganization("workos", org)).contains(tenant);
        assertThat(mappings.tenantOfOrganization("other", org)).isEmpty();
        assertThat(mappings.organizationsOf("workos", tenant)).containsExactly(org);

        mappings.bindOrganization("workos", org, other);
        assertThat(mappings.tenantOfOrganization("workos", org)).contains(other);
        assertThat(mappings.organizationsOf("workos", tenant)).isEmpty();
        assertThat(mappings.organizationsOf("workos", other)).containsExactly(org);
    }

    @Test
    void savedMappingsComeBackWithEveryFieldIncludingOwnerScopes() {
        ActorMapping saved = mapping("user_" + UUID.randomUUID(), ActorStatus.ACTIVE, Set.of("studio_1", "artist_9"));

        mappings.save(saved);

        assertThat(mappings.find("workos", saved.subject(), tenant)).contains(saved);
        assertThat(mappings.find("other", saved.subject(), tenant)).isEmpty();
    }

    @Test
    void savingAgainReplacesTheActorAndListingIsPerTenant() {
        String subject = "user_" + UUID.randomUUID();
        mappings.save(mapping(subject, ActorStatus.ACTIVE, Set.of()));
        ActorMapping deactivated = mapping(subject, ActorStatus.INACTIVE, Set.of("studio_2"));

        mappings.save(deactivated);

        assertThat(mappings.find("workos", subject, tenant)).contains(deactivated);
        assertThat(mappings.listByTenant(tenant)).containsExactly(deactivated);
        assertThat(mappings.listByTenant("ws_elsewhere")).isEmpty();
    }
}
