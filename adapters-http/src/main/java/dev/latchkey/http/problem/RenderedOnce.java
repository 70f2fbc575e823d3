package dev.latchkey.http.problem;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values rendered once per distinct input and then reused: refusals repeat a handful of problems
 * and challenges, and a flood of bad credentials should not pay for rendering each again. Bounded:
 * when full (inputs can carry caller-chosen text), it starts over.
 */
public final class RenderedOnce<K, V> {
    private final int maxEntries;
    private final Function<K, V> render;
    private final ConcurrentHashMap<K, V> rendered = new ConcurrentHashMap<>();

    public RenderedOnce(int maxEntries, Function<K, V> render) {
        this.maxEntries = maxEntries;
        this.render = render;
    }

    public V get(K input) {
        V value = rendered.get(input);
        if (value == null) {
            if (rendered.size() >= maxEntries) {
                rendered.clear();
            }
            value = render.apply(input);
            rendered.put(input, value);
        }
        return value;
    }
}
