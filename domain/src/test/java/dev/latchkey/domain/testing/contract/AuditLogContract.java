package dev.latchkey.domain.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.audit.AuditChain;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditLog;
import dev.latchkey.domain.audit.AuditPage;
import dev.latchkey.domain.audit.ChainedAuditEvent;
import dev.latchkey.domain.audit.VerifyAuditTrail;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} must do. */
public abstract class AuditLogContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    protected AuditLog log;
    protected String workspaceId;
    protected String otherWorkspaceId;

    protected abstract AuditLog auditLog();

    protected abstract WorkspaceStore workspaceStore();

    @BeforeEach
    void setUpLog() {
        log = auditLog();
        workspaceId = "ws_" + UUID.randomUUID().toString().substring(0, 8);
        otherWorkspaceId = "ws_" + UUID.randomUUID().toString().substring(0, 8);
        workspaceStore().insert(new Workspace(workspaceId, "audited", T0, Optional.empty()));
        workspaceStore().insert(new Workspace(otherWorkspaceId, "other", T0, Optional.empty()));
    }

    private AuditEvent event(String workspace, int n) {
        return new AuditEvent(
                "evt_" + UUID.randomUUID(),
                workspace,
                T0.plusSeconds(n),
                "actor_" + n,
                Optional.of("key_" + n),
                "api_key.created",
                Optional.of("key_" + n),
                Optional.of("203.0.113.7"),
                Map.of("name", "key number " + n, "note", "a=b&c d"));
    }

    @Test
    void appendedEventsComeBackIntactNewestFirst() {
        AuditEvent first = event(workspaceId, 1);
        AuditEvent second = event(workspaceId, 2);
        log.append(first);
        log.append(event(otherWorkspaceId, 3));
        log.append(second);

        AuditPage page = log.page(workspaceId, Optional.empty(), 10);

        assertThat(page.events()).containsExactly(second, first);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void pagesWalkEveryEventOnceWithoutGaps() {
        List<AuditEvent> appended = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            AuditEvent e = event(workspaceId, i);
            appended.add(0, e);
            log.append(e);
            log.append(event(otherWorkspaceId, 100 + i));
        }

        List<AuditEvent> walked = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            AuditPage page = log.page(workspaceId, cursor, 3);
            walked.addAll(page.events());
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());

        assertThat(walked).containsExactlyElementsOf(appended);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void pageWithGarbageCursorIsRejectedAsInvalidRequest() {
        assertThatThrownBy(() -> log.page(workspaceId, Optional.of("not-a-cursor"), 5))
                .isInstanceOf(RequestRejected.class);
    }

    @Test
    void eachWorkspacesEventsLinkIntoOneChainThatVerifies() {
        List<AuditEvent> appended = List.of(event(workspaceId, 1), event(workspaceId, 2), event(workspaceId, 3));
        log.append(appended.get(0));
        log.append(event(otherWorkspaceId, 9));
        log.append(appended.get(1));
        log.append(appended.get(2));

        List<ChainedAuditEvent> chain = log.inAppendOrder(workspaceId, 0, 10);
        assertThat(chain).extracting(ChainedAuditEvent::event).containsExactlyElementsOf(appended);
        String previous = AuditChain.GENESIS;
        for (ChainedAuditEvent link : chain) {
            assertThat(link.previousHash()).contains(previous);
            assertThat(link.hash()).contains(AuditChain.link(previous, link.event()));
            previous = link.hash().orElseThrow();
        }
        assertThat(log.inAppendOrder(workspaceId, chain.get(0).position(), 1))
                .extracting(ChainedAuditEvent::event)
                .containsExactly(appended.get(1));
        assertThat(log.workspaces()).contains(workspaceId, otherWorkspaceId);

        VerifyAuditTrail.Verdict verdict = new VerifyAuditTrail(log).workspace(workspaceId);
        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.chained()).isEqualTo(3);
        assertThat(verdict.head()).isEqualTo(previous);
    }

    @Test
    void concurrentAppendsToOneWorkspaceStillFormOneLine() throws Exception {
        int threads = 8;
        int each = 10;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    log.append(event(workspaceId, thread * 100 + i));
                }
                return null;
            }));
        }
        start.countDown();
        for (java.util.concurrent.Future<?> f : done) {
            f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();

        VerifyAuditTrail.Verdict verdict = new VerifyAuditTrail(log).workspace(workspaceId);
        assertThat(verdict.broken()).isEmpty();
        assertThat(verdict.chained()).isEqualTo(threads * each);
    }
}
