package dev.latchkey.domain.testing;

import dev.latchkey.domain.common.BoundedCache;
import dev.latchkey.domain.common.Caches;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The caches' in-memory twin: least recently used goes first when full; expiry is not modelled
 * (the port lets a cache keep an entry until it needs the room).
 */
public final class InMemoryCaches implements Caches {

    @Override
    public <K, V> BoundedCache<K, V> bounded(String name, int maxEntries, Optional<Duration> expireAfterWrite) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        return new Lru<>(maxEntries);
    }

    private static final class Lru<K, V> implements BoundedCache<K, V> {
        private final Map<K, V> entries;

        Lru(int maxEntries) {
            this.entries = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                    return size() > maxEntries;
                }
            };
        }

        @Override
        public synchronized Optional<V> get(K key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public synchronized boolean contains(K key) {
            return entries.containsKey(key);
        }

        @Override
        public synchronized void put(K key, V value) {
            entries.put(key, value);
        }

        @Override
        public synchronized V compute(K key, BiFunction<? super K, ? super V, ? extends V> remapping) {
            return entries.compute(key, remapping);
        }

        @Override
        public synchronized void remove(K key) {
            entries.remove(key);
        }

        @Override
        public synchronized void removeIf(Predicate<? super V> stale) {
            entries.values().removeIf(stale);
        }

        @Override
        public synchronized long size() {
            return entries.size();
        }
    }
}
