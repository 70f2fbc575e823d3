package dev.latchkey.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Rows that many requests insert at once, written together: each caller queues its row; whoever
 * takes the writer's lock writes every row queued so far in one transaction and wakes their callers,
 * and on leaving wakes the caller of the oldest row still queued to write the next batch. A caller
 * returns only once its own row is committed, and gets the failure of the batch it was in — nothing
 * is acknowledged that is not stored. Alone, a caller writes its one row at once, as without this;
 * under load, one commit (one round trip, one WAL flush on PostgreSQL) serves many rows.
 *
 * <p>Hand-written rather than a library's: what is needed is a lock, a queue and a wake-up, and
 * the usual write-behind buffers acknowledge a row before it is stored.
 */
final class GroupCommit<T> {
    /** How long a waiting caller sleeps before it looks again, should a wake-up ever go astray. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Consumer<List<T>> writeAll;
    private final int maxBatch;
    private final Queue<Pending<T>> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    private static final class Pending<T> {
        final T row;
        final Thread caller = Thread.currentThread();
        volatile boolean written;
        RuntimeException failure; // set before written, read after it

        Pending(T row) {
            this.row = row;
        }
    }

    /** @param writeAll writes the rows in one transaction, or throws and writes none */
    GroupCommit(Consumer<List<T>> writeAll, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        this.writeAll = writeAll;
        this.maxBatch = maxBatch;
    }

    /** Returns once {@code row} is committed; throws what its batch's write threw. */
    void insert(T row) {
        Pending<T> mine = new Pending<>(row);
        queued.add(mine);
        boolean interrupted = false;
        while (!mine.written) {
            if (writer.tryLock()) {
                try {
                    while (!mine.written) { // more than a batch queued ahead of it: the next batch too
                        writeQueued();
                    }
                } finally {
                    writer.unlock();
                }
                Pending<T> next = queued.peek(); // queued while this one wrote: its caller leads next
                if (next != null) {
                    LockSupport.unpark(next.caller);
                }
            } else {
                LockSupport.parkNanos(this, RECHECK_NANOS);
                // Its row is queued and will be written: wait for it, and keep the interrupt for after
                // (a park returns at once while the flag is set, which would make this loop spin).
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** How many rows wait for a batch (for tests, which must know their rows are queued). */
    int queuedRows() {
        return queued.size();
    }

    /** Under the lock: the oldest rows queued (at most {@code maxBatch}); each marked written, or failed. */
    private void writeQueued() {
        List<Pending<T>> batch = new ArrayList<>();
        for (Pending<T> next; batch.size() < maxBatch && (next = queued.poll()) != null; ) {
            batch.add(next);
        }
        RuntimeException failure = null;
        try {
            writeAll.accept(batch.stream().map(p -> p.row).toList());
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) { // its rows are out of the queue: their callers must still hear of it
            failure = new IllegalStateException("writing a batch of rows failed", e);
        }
        for (Pending<T> pending : batch) {
            pending.failure = failure;
            pending.written = true;
            LockSupport.unpark(pending.caller);
        }
    }
}
