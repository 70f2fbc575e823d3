package dev.latchkey.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads, on a thread of its own, the classes a server start is about to need, so that the start's
 * own thread finds them ready.
 *
 * <p>Most of a start is the JVM reading, verifying and linking some 10,000 classes from the jar,
 * one after another on the main thread, while the second core idles. {@link #LIST} names the
 * classes a start on an existing database loaded, in the order it loaded them
 * ({@code benchmarks/startup/class-list} writes it from a real start); this thread walks the list
 * ahead of the main thread. Classes are loaded, never initialised — no static initialiser runs
 * earlier or on another thread than it would have — and a name that no longer exists (the list
 * outlived a dependency's upgrade) is passed over: a stale list costs speed, never a start.
 * The same start took 0.3 s less with it (docs/performance.md). A class-data archive (AppCDS,
 * docs/deployment.md) does more; this is for the plain {@code java -jar}.
 */
final class StartClasses {
    /** On the class path beside this class. */
    static final String LIST = "start-classes.txt";

    private StartClasses() {}

    /** Starts walking the list in the background; returns at once. */
    static void preloadInBackground() {
        Thread preload = new Thread(
                () -> {
                    try {
                        preload(names(), StartClasses.class.getClassLoader());
                    } catch (UncheckedIOException unreadable) {
                        // The start loads what it needs itself.
                    }
                },
                "start-classes");
        preload.setDaemon(true);
        preload.start();
    }

    /** Loads each named class without initialising it; returns how many of them were found. */
    static int preload(List<String> names, ClassLoader loader) {
        int found = 0;
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
                found++;
            } catch (ClassNotFoundException | LinkageError gone) {
                // Renamed or removed since the list was written: the start loads what it needs itself.
            }
        }
        return found;
    }

    /** The list's class names; none when the jar has no list. */
    static List<String> names() {
        try (InputStream in = StartClasses.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return List.of();
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
