package dev.latchkey.domain.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.approval.Approval;
import dev.latchkey.domain.approval.ApprovalStatus;
import dev.latchkey.domain.approval.ApprovalStore;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ApprovalStore} must do: decide once, consume once. */
public abstract class ApprovalStoreContract {
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    protected abstract ApprovalStore approvalStore();

    private static Approval pending(String tenant, Instant at) {
        return Approval.pending(
                "apr_" + UUID.randomUUID().toString().substring(0, 12),
                tenant,
                "wl_1",
                "grant_1",
                "DELETE",
                "/pipelines/p_1",
                "ab".repeat(32),
                at,
                at.plusSeconds(1800));
    }

    @Test
    void pendingApprovalsAreListedPerTenantOldestFirst() {
        ApprovalStore store = approvalStore();
        String tenant = "ws_" + UUID.randomUUID().toString().substring(0, 8);
        Approval newer = pending(tenant, T0.plusSeconds(5));
        Approval older = pending(tenant, T0);
        store.insert(newer);
        store.insert(older);
        store.insert(pending("ws_other", T0));

        assertThat(store.listPending(tenant)).containsExactly(older, newer);
        assertThat(store.findById(older.id())).contains(older);
    }

    @Test
    void anApprovalIsDecidedOnceAndConsumedOnce() {
        ApprovalStore store = approvalStore();
        Approval approval = pending("ws_" + UUID.randomUUID().toString().substring(0, 8), T0);
        store.insert(approval);

        assertThat(store.consume(approval.id())).as("not approved yet").isFalse();
        assertThat(store.decide(approval.decided(ApprovalStatus.APPROVED, "usr_admin", T0.plusSeconds(60))))
                .isTrue();
        assertThat(store.decide(approval.decided(ApprovalStatus.REJECTED, "usr_other", T0.plusSeconds(61))))
                .isFalse();
        assertThat(store.consume(approval.id())).isTrue();
        assertThat(store.consume(approval.id())).as("single use").isFalse();
        assertThat(store.findById(approval.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.USED);
        assertThat(store.findById(approval.id()).orElseThrow().decidedBy()).contains("usr_admin");
    }

    @Test
    void aRejectionKeepsTheReasonTheAdminGave() {
        ApprovalStore store = approvalStore();
        Approval approval = pending("ws_" + UUID.randomUUID().toString().substring(0, 8), T0);
        store.insert(approval);

        assertThat(store.decide(approval.decided(
                        ApprovalStatus.REJECTED,
                        "usr_admin",
                        T0.plusSeconds(60),
                        Optional.of("Not during the freeze"))))
                .isTrue();

        Approval read = store.findById(approval.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(read.reason()).contains("Not during the freeze");
        assertThat(read.decidedAt()).contains(T0.plusSeconds(60));
    }
}
