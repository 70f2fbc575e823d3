package dev.latchkey.domain.common;

import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Values worth remembering, never more than a bound: when full, the least useful entries go first.
 * An entry may be forgotten at any time (full, or past the cache's expiry), so a caller's
 * correctness never rests on one staying; only its cost does. Made by {@link Caches}.
 */
public interface BoundedCache<K, V> {

    Optional<V> get(K key);

    /**
     * Whether it holds {@code key}, without counting the look as a use (no statistics, no say in what
     * is evicted): for sets of remembered unknowns, asked on every junk credential, where a plain
     * membership test is all that is wanted and the cheapest answer matters.
     */
    boolean contains(K key);

    void put(K key, V value);

    /**
     * Atomically replaces the value of {@code key} with what {@code remapping} makes of the current
     * one ({@code null} when absent); a {@code null} result removes it.
     *
     * @return the new value, or {@code null} when removed
     */
    V compute(K key, BiFunction<? super K, ? super V, ? extends V> remapping);

    void remove(K key);

    /** Forgets every entry whose value {@code stale} accepts: for an event that makes many stale at once. */
    void removeIf(Predicate<? super V> stale);

    /** About how many entries it holds now (for the bound's contract and for gauges). */
    long size();
}
