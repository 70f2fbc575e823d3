package dev.latchkey.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Rows written together under load, each caller back only once its own row is written. */
class GroupCommitTest {

    @Test
    void rowsQueuedWhileABatchIsWrittenGoInTheNextAndEachIsWrittenOnceBeforeItsCallerReturns() throws Exception {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer> commit = new GroupCommit<>(
                rows -> {
                    sleep(2); // a round trip: the others queue meanwhile
                    batches.add(rows);
                    written.addAll(rows);
                },
                50);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            int row = i;
            calls.add(threads.submit(() -> {
                commit.insert(row);
                synchronized (written) { // a synchronized list is iterated under its own lock
                    assertThat(written).contains(row); // never acknowledged before it is written
                }
            }));
        }
        for (Future<?> call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(written)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, 800).boxed().toList());
        assertThat(batches)
                .hasSizeLessThan(400)
                .allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 50));
    }

    @Test
    void everyCallerOfAFailedBatchHearsOfItAndLaterRowsAreWritten() throws Exception {
        CountDownLatch firstWriting = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        AtomicBoolean fail = new AtomicBoolean(true);
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer> commit = new GroupCommit<>(
                rows -> {
                    if (rows.contains(0)) { // the first caller's batch: hold it until the others queue
                        firstWriting.countDown();
                        await(othersQueued);
                        written.addAll(rows);
                        return;
                    }
                    if (fail.getAndSet(false)) {
                        throw new IllegalStateException("database connection lost");
                    }
                    written.addAll(rows);
                },
                100);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        Future<?> first = threads.submit(() -> commit.insert(0));
        await(firstWriting);
        List<Future<?>> queued = new ArrayList<>();
        IntStream.of(1, 2, 3).forEach(row -> queued.add(threads.submit(() -> commit.insert(row))));
        awaitQueued(commit, 3); // all three wait for the writer's lock, their rows queued
        othersQueued.countDown();

        first.get(10, TimeUnit.SECONDS);
        for (Future<?> call : queued) {
            assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("database connection lost");
        }
        commit.insert(4);
        threads.shutdown();

        assertThat(written).containsExactly(0, 4);
    }

    @Test
    void aCallerInterruptedWhileItsRowWaitsStillWaitsForItIdlyAndKeepsItsInterrupt() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        GroupCommit<Integer> commit = new GroupCommit<>(
                rows -> {
                    if (rows.contains(0)) {
                        writing.countDown();
                        await(release);
                    }
                    written.addAll(rows);
                },
                10);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Future<?> first = threads.submit(() -> commit.insert(0));
        await(writing);
        AtomicBoolean keptItsInterrupt = new AtomicBoolean();
        Thread waiting = new Thread(() -> {
            commit.insert(1);
            keptItsInterrupt.set(Thread.currentThread().isInterrupted());
        });
        waiting.start();
        awaitQueued(commit, 1);
        waiting.interrupt();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long before = cpu.getThreadCpuTime(waiting.getId());
        sleep(300);
        long spent = cpu.getThreadCpuTime(waiting.getId()) - before;
        assertThat(written).as("not written while the batch before it is").doesNotContain(1);
        // Parked, not spinning: a park returns at once while the interrupt flag is set.
        assertThat(TimeUnit.NANOSECONDS.toMillis(spent))
                .as("CPU spent waiting, ms")
                .isLessThan(50);
        release.countDown();

        first.get(10, TimeUnit.SECONDS);
        waiting.join(10_000);
        threads.shutdown();

        assertThat(written).containsExactly(0, 1);
        assertThat(keptItsInterrupt).isTrue();
    }

    private static void awaitQueued(GroupCommit<?> commit, int rows) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (commit.queuedRows() < rows && System.nanoTime() < deadline) {
            sleep(1);
        }
        assertThat(commit.queuedRows()).isEqualTo(rows);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
