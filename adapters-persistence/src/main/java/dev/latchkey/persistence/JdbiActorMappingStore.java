package dev.latchkey.persistence;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.actor.mapping.ActorMapping;
import dev.latchkey.domain.actor.mapping.ActorMappingStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbiActorMappingStore implements ActorMappingStore {
    private static final String COLUMNS =
            "provider, subject, actor_id, kind, status, tenant_id, role, owner_scopes, organization_wide";

    private final Jdbi jdbi;

    JdbiActorMappingStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** UPDATE, else INSERT: portable across H2 and PostgreSQL, and a racing INSERT falls back to UPDATE. */
    @Override
    public void save(ActorMapping mapping) {
        StoreCalls.run(() -> {
            if (update(mapping) == 0 && !StoreCalls.insertUnlessDuplicate(() -> insert(mapping))) {
                update(mapping);
            }
        });
    }

    private int update(ActorMapping m) {
        return jdbi.withHandle(h -> bind(
                        h.createUpdate(
                                "UPDATE actor_mappings SET actor_id = :actorId, kind = :kind, "
                                        + "status = :status, role = :role, owner_scopes = :owners, "
                                        + "organization_wide = :wide WHERE provider = :provider AND subject = :subject AND tenant_id = :tenant"),
                        m)
                .execute());
    }

    private void insert(ActorMapping m) {
        jdbi.useHandle(h -> bind(
                        h.createUpdate("INSERT INTO actor_mappings (" + COLUMNS + ") VALUES (:provider, "
                                + ":subject, :actorId, :kind, :status, :tenant, :role, :owners, :wide)"),
                        m)
                .execute());
    }

    private static org.jdbi.v3.core.statement.Update bind(org.jdbi.v3.core.statement.Update update, ActorMapping m) {
        Actor a = m.actor();
        return update.bind("provider", m.provider())
                .bind("subject", m.subject())
                .bind("actorId", a.id())
                .bind("kind", a.kind().wireName())
                .bind("status", a.status().name().toLowerCase(Locale.ROOT))
                .bind("tenant", a.tenantId().orElseThrow())
                .bind("role", a.role())
                .bind("owners", String.join(" ", new TreeSet<>(a.ownerScopes())))
                .bind("wide", m.organizationWide());
    }

    @Override
    public Optional<ActorMapping> find(String provider, String subject, String tenantId) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM actor_mappings WHERE provider = :provider AND subject = :subject"
                                + " AND tenant_id = :tenant")
                .bind("provider", provider)
                .bind("subject", subject)
                .bind("tenant", tenantId)
                .map(JdbiActorMappingStore::map)
                .findOne()));
    }

    @Override
    public List<ActorMapping> listByTenant(String tenantId) {
        return StoreCalls.call(() -> jdbi.withHandle((Handle h) -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM actor_mappings WHERE tenant_id = :tenant ORDER BY subject")
                .bind("tenant", tenantId)
                .map(JdbiActorMappingStore::map)
                .list()));
    }

    /** DELETE then INSERT in one transaction: an organization has one row, whichever tenant held it. */
    @Override
    public void bindOrganization(String provider, String organizationId, String tenantId) {
        StoreCalls.run(() -> jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM organization_bindings WHERE provider = :provider AND organization_id = :org")
                    .bind("provider", provider)
                    .bind("org", organizationId)
                    .execute();
            h.createUpdate("INSERT INTO organization_bindings (provider, organization_id, tenant_id) "
                            + "VALUES (:provider, :org, :tenant)")
                    .bind("provider", provider)
                    .bind("org", organizationId)
                    .bind("tenant", tenantId)
                    .execute();
        }));
    }

    @Override
    public Optional<String> tenantOfOrganization(String provider, String organizationId) {
        return StoreCalls.call(() -> jdbi.withHandle(
                h -> h.createQuery("SELECT tenant_id FROM organization_bindings WHERE provider = :provider "
                                + "AND organization_id = :org")
                        .bind("provider", provider)
                        .bind("org", organizationId)
                        .mapTo(String.class)
                        .findOne()));
    }

    @Override
    public List<String> organizationsOf(String provider, String tenantId) {
        return StoreCalls.call(() -> jdbi.withHandle(
                h -> h.createQuery("SELECT organization_id FROM organization_bindings WHERE provider = :provider "
                                + "AND tenant_id = :tenant ORDER BY organization_id")
                        .bind("provider", provider)
                        .bind("tenant", tenantId)
                        .mapTo(String.class)
                        .list()));
    }

    private static ActorMapping map(ResultSet rs, StatementContext ctx) throws SQLException {
        String owners = rs.getString("owner_scopes");
        Set<String> ownerScopes =
                owners.isEmpty() ? Set.of() : Arrays.stream(owners.split(" ")).collect(Collectors.toSet());
        Actor actor = new Actor(
                rs.getString("actor_id"),
                kind(rs.getString("kind")),
                ActorStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                Optional.of(rs.getString("tenant_id")),
                rs.getString("role"),
                ownerScopes);
        return new ActorMapping(
                rs.getString("provider"), rs.getString("subject"), actor, rs.getBoolean("organization_wide"));
    }

    private static ActorKind kind(String wireName) {
        return Arrays.stream(ActorKind.values())
                .filter(k -> k.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown actor kind in database: " + wireName));
    }
}
