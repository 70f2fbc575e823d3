package dev.latchkey.persistence;

import static dev.latchkey.persistence.Columns.instant;
import static dev.latchkey.persistence.Columns.optionalInstant;
import static dev.latchkey.persistence.Columns.optionalString;
import static dev.latchkey.persistence.Columns.utc;

import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workload.PolicyStatus;
import dev.latchkey.domain.workload.RetiringSecret;
import dev.latchkey.domain.workload.Workload;
import dev.latchkey.domain.workload.WorkloadFederation;
import dev.latchkey.domain.workload.WorkloadPolicy;
import dev.latchkey.domain.workload.WorkloadStatus;
import dev.latchkey.domain.workload.WorkloadStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

final class JdbiWorkloadStore implements WorkloadStore {
    private static final String WORKLOAD = "id, tenant_id, name, secret_hash, created_at, created_by, status, "
            + "previous_secret_hash, previous_secret_until, federated_issuer, federated_subject";
    private static final String POLICY =
            "id, workload_id, tenant_id, scopes, status, proposed_by, proposed_at, " + "decided_by, decided_at";

    private final Jdbi jdbi;

    JdbiWorkloadStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Workload w) {
        StoreCalls.run(() -> jdbi.useHandle(h -> withLife(
                        h.createUpdate("INSERT INTO workloads (" + WORKLOAD
                                + ") VALUES (:id, :tenant, :name, :hash, :createdAt, :createdBy, :status, "
                                + ":previousHash, :previousUntil, :federatedIssuer, :federatedSubject)"),
                        w)
                .bindByType(
                        "federatedIssuer",
                        w.federation().map(WorkloadFederation::issuer).orElse(null),
                        String.class)
                .bindByType(
                        "federatedSubject",
                        w.federation().map(WorkloadFederation::subject).orElse(null),
                        String.class)
                .bind("id", w.id())
                .bind("tenant", w.tenantId())
                .bind("name", w.name())
                .bind("hash", w.secretHash())
                .bind("createdAt", utc(w.createdAt()))
                .bind("createdBy", w.createdBy())
                .execute()));
    }

    @Override
    public void update(Workload w) {
        StoreCalls.run(() -> jdbi.useHandle(h -> withLife(
                        h.createUpdate("UPDATE workloads SET secret_hash = :hash, status = :status, "
                                + "previous_secret_hash = :previousHash, previous_secret_until = :previousUntil "
                                + "WHERE id = :id"),
                        w)
                .bind("id", w.id())
                .bind("hash", w.secretHash())
                .execute()));
    }

    /** Binds what a workload's life changes: its status, and the secret a rotation keeps for a while. */
    private static Update withLife(Update update, Workload w) {
        return update.bind("status", w.status().name())
                .bindByType(
                        "previousHash",
                        w.retiringSecret().map(RetiringSecret::hash).orElse(null),
                        String.class)
                .bindByType(
                        "previousUntil",
                        Columns.utcOrNull(w.retiringSecret().map(RetiringSecret::until)),
                        OffsetDateTime.class);
    }

    @Override
    public Optional<Workload> findById(String id) {
        return StoreCalls.call(
                () -> jdbi.withHandle(h -> h.createQuery("SELECT " + WORKLOAD + " FROM workloads WHERE id = :id")
                        .bind("id", id)
                        .map(JdbiWorkloadStore::workload)
                        .findOne()));
    }

    @Override
    public Optional<Workload> findByFederation(String issuer, String subject) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery("SELECT " + WORKLOAD
                        + " FROM workloads WHERE federated_issuer = :issuer AND federated_subject = :subject")
                .bind("issuer", issuer)
                .bind("subject", subject)
                .map(JdbiWorkloadStore::workload)
                .findOne()));
    }

    @Override
    public List<Workload> listByTenant(String tenantId) {
        return StoreCalls.call(() -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + WORKLOAD + " FROM workloads WHERE tenant_id = :tenant AND status <> 'DELETED' "
                                + "ORDER BY created_at, id")
                .bind("tenant", tenantId)
                .map(JdbiWorkloadStore::workload)
                .list()));
    }

    @Override
    public void insertPolicy(WorkloadPolicy p) {
        StoreCalls.run(() -> jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO workload_policies (" + POLICY + ") VALUES (:id, :workload, :tenant, :scopes, "
                                + ":status, :proposedBy, :proposedAt, :decidedBy, :decidedAt)")
                .bind("id", p.id())
                .bind("workload", p.workloadId())
                .bind("tenant", p.tenantId())
                .bind("scopes", p.scopes().toSpaceSeparated())
                .bind("status", p.status().name())
                .bind("proposedBy", p.proposedBy())
                .bind("proposedAt", utc(p.proposedAt()))
                .bindByType("decidedBy", p.decidedBy().orElse(null), String.class)
                .bindByType("decidedAt", Columns.utcOrNull(p.decidedAt()), OffsetDateTime.class)
                .execute()));
    }

    @Override
    public void updatePolicy(WorkloadPolicy p) {
        StoreCalls.run(() -> jdbi.useHandle(
                h -> h.createUpdate("UPDATE workload_policies SET status = :status, decided_by = :decidedBy, "
                                + "decided_at = :decidedAt WHERE id = :id")
                        .bind("status", p.status().name())
                        .bindByType("decidedBy", p.decidedBy().orElse(null), String.class)
                        .bindByType("decidedAt", Columns.utcOrNull(p.decidedAt()), OffsetDateTime.class)
                        .bind("id", p.id())
                        .execute()));
    }

    @Override
    public Optional<WorkloadPolicy> findPolicy(String policyId) {
        return StoreCalls.call(
                () -> jdbi.withHandle(h -> h.createQuery("SELECT " + POLICY + " FROM workload_policies WHERE id = :id")
                        .bind("id", policyId)
                        .map(JdbiWorkloadStore::policy)
                        .findOne()));
    }

    @Override
    public List<WorkloadPolicy> listPolicies(String workloadId) {
        return StoreCalls.call(() -> jdbi.withHandle(
                h -> h.createQuery("SELECT " + POLICY + " FROM workload_policies WHERE workload_id = :workload "
                                + "ORDER BY proposed_at DESC, id DESC")
                        .bind("workload", workloadId)
                        .map(JdbiWorkloadStore::policy)
                        .list()));
    }

    @Override
    public List<WorkloadPolicy> listPending(String tenantId) {
        return StoreCalls.call(() -> jdbi.withHandle(
                h -> h.createQuery("SELECT " + POLICY + " FROM workload_policies WHERE tenant_id = :tenant "
                                + "AND status = 'PROPOSED' ORDER BY proposed_at, id")
                        .bind("tenant", tenantId)
                        .map(JdbiWorkloadStore::policy)
                        .list()));
    }

    private static Workload workload(ResultSet rs, StatementContext ctx) throws SQLException {
        Optional<String> previousHash = optionalString(rs, "previous_secret_hash");
        Optional<RetiringSecret> retiring = previousHash.isPresent()
                ? Optional.of(new RetiringSecret(previousHash.get(), instant(rs, "previous_secret_until")))
                : Optional.empty();
        Optional<String> federatedIssuer = optionalString(rs, "federated_issuer");
        Optional<WorkloadFederation> federation = federatedIssuer.isPresent()
                ? Optional.of(new WorkloadFederation(federatedIssuer.get(), rs.getString("federated_subject")))
                : Optional.empty();
        return new Workload(
                rs.getString("id"),
                rs.getString("tenant_id"),
                rs.getString("name"),
                rs.getString("secret_hash"),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                WorkloadStatus.valueOf(rs.getString("status")),
                retiring,
                federation);
    }

    private static WorkloadPolicy policy(ResultSet rs, StatementContext ctx) throws SQLException {
        return new WorkloadPolicy(
                rs.getString("id"),
                rs.getString("workload_id"),
                rs.getString("tenant_id"),
                ScopeSet.parseSpaceSeparated(rs.getString("scopes")),
                PolicyStatus.valueOf(rs.getString("status")),
                rs.getString("proposed_by"),
                instant(rs, "proposed_at"),
                optionalString(rs, "decided_by"),
                optionalInstant(rs, "decided_at"));
    }
}
