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
                "/pipelines/p_" + UUID.randomUUID(),
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
        store.insertPending(newer);
        store.insertPending(older);
        store.insertPending(pending("ws_other", T0));

        assertThat(store.listPending(tenant)).containsExactly(older, newer);
        assertThat(store.findById(older.id())).contains(older);
    }

    @Test
    void anApprovalIsDecidedOnceAndConsumedOnce() {
        ApprovalStore store = approvalStore();
        Approval approval = pending("ws_" + UUID.randomUUID().toString().substring(0, 8), T0);
        store.insertPending(approval);

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
        store.insertPending(approval);

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

    @Test
    void aSecondRequestForThePendingActionIsThatRequestUntilItIsDecidedOrExpires() {
        ApprovalStore store = approvalStore();
        Approval first = pending("ws_" + UUID.randomUUID().toString().substring(0, 8), T0);
        Approval retry = sameActionAs(first, T0.plusSeconds(5));

        assertThat(store.insertPending(first)).isEqualTo(first);
        assertThat(store.insertPending(retry)).as("a retry, even racing").isEqualTo(first);
        assertThat(store.listPending(first.tenantId())).containsExactly(first);

        Approval afterExpiry = sameActionAs(first, first.expiresAt());
        assertThat(store.insertPending(afterExpiry))
                .as("an expired request gives way")
                .isEqualTo(afterExpiry);

        assertThat(store.decide(afterExpiry.decided(
                        ApprovalStatus.REJECTED, "usr_admin", first.expiresAt().plusSeconds(1))))
                .isTrue();
        Approval askedAgain = sameActionAs(first, first.expiresAt().plusSeconds(2));
        assertThat(store.insertPending(askedAgain))
                .as("a decided request gives way")
                .isEqualTo(askedAgain);
    }

    @Test
    void concurrentRetriesOfOneActionStoreOneRequest() throws Exception {
        ApprovalStore store = approvalStore();
        Approval first = pending("ws_" + UUID.randomUUID().toString().substring(0, 8), T0);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.List<java.util.concurrent.Future<Approval>> standing = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Approval retry = sameActionAs(first, T0.plusMillis(i));
                standing.add(threads.submit(() -> {
                    start.await();
                    return store.insertPending(retry);
                }));
            }
            start.countDown();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (java.util.concurrent.Future<Approval> one : standing) {
                ids.add(one.get(30, java.util.concurrent.TimeUnit.SECONDS).id());
            }
            assertThat(ids).hasSize(1);
            assertThat(store.listPending(first.tenantId())).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
    }

    private static Approval sameActionAs(Approval earlier, Instant at) {
        return Approval.pending(
                "apr_" + UUID.randomUUID().toString().substring(0, 12),
                earlier.tenantId(),
                earlier.workloadId(),
                earlier.grantId(),
                earlier.method(),
                earlier.resource(),
                earlier.bodySha256(),
                at,
                at.plusSeconds(1800));
    }
}
