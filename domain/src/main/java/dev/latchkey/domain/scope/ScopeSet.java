package dev.latchkey.domain.scope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An immutable set of {@link Scope}s kept in normal form: no member is covered by another, so
 * {@code {records:*, records:read}} is stored as {@code {records:*}}. Equal sets grant equal access.
 */
public final class ScopeSet {
    public static final ScopeSet EMPTY = new ScopeSet(Collections.emptySortedSet());
    public static final ScopeSet ALL = new ScopeSet(new TreeSet<>(List.of(Scope.ALL)));

    private final SortedSet<Scope> scopes;
    /**
     * The space-separated form, made once: every allowed decision writes it into a header, and
     * joining the set again was a tenth of forward-auth's own allocation. A benign race: two
     * threads may each make the same string.
     */
    private String spaceSeparated;

    private ScopeSet(SortedSet<Scope> normalised) {
        this.scopes = Collections.unmodifiableSortedSet(normalised);
    }

    public static ScopeSet of(Collection<Scope> scopes) {
        return new ScopeSet(normalise(scopes));
    }

    public static ScopeSet of(Scope... scopes) {
        return of(Arrays.asList(scopes));
    }

    /** The most scopes one set may name: more is no real grant, and normalising is quadratic. */
    public static final int MAX_SCOPES = 100;
    /** The longest space-separated form a set may have: what every store keeps. */
    public static final int MAX_TEXT = 2000;

    /**
     * Parses scope strings, as found in a request body or configuration.
     *
     * @throws IllegalArgumentException for a malformed scope, more than {@link #MAX_SCOPES} scopes,
     *     or more than {@link #MAX_TEXT} characters in all
     */
    public static ScopeSet parse(Collection<String> texts) {
        Objects.requireNonNull(texts, "scopes");
        if (texts.size() > MAX_SCOPES) {
            throw new IllegalArgumentException("at most " + MAX_SCOPES + " scopes");
        }
        int length = texts.stream()
                .mapToInt(text -> text == null ? 0 : text.length() + 1)
                .sum();
        if (length > MAX_TEXT + 1) {
            throw new IllegalArgumentException("at most " + MAX_TEXT + " characters of scopes");
        }
        return of(texts.stream().map(Scope::parse).collect(Collectors.toList()));
    }

    /** Parses a space-separated list (RFC 6749 §3.3). */
    public static ScopeSet parseSpaceSeparated(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("at most " + MAX_TEXT + " characters of scopes");
        }
        return parse(Arrays.asList(text.trim().split(" +")));
    }

    private static SortedSet<Scope> normalise(Collection<Scope> input) {
        SortedSet<Scope> result = new TreeSet<>();
        for (Scope candidate : input) {
            Objects.requireNonNull(candidate, "scope");
            boolean coveredByOther =
                    input.stream().anyMatch(other -> !other.equals(candidate) && other.covers(candidate));
            if (!coveredByOther) {
                result.add(candidate);
            }
        }
        return result;
    }

    public boolean isEmpty() {
        return scopes.isEmpty();
    }

    public SortedSet<Scope> scopes() {
        return scopes;
    }

    /** True when some member grants {@code required}. */
    public boolean covers(Scope required) {
        for (Scope held : scopes) {
            if (held.covers(required)) {
                return true;
            }
        }
        return false;
    }

    /** True when every member of {@code required} is granted. */
    public boolean coversAll(ScopeSet required) {
        return missingFrom(required).isEmpty();
    }

    /** The members of {@code required} this set does not grant, in order. */
    public List<Scope> missingFrom(ScopeSet required) {
        List<Scope> missing = new ArrayList<>();
        for (Scope scope : required.scopes) {
            if (!covers(scope)) {
                missing.add(scope);
            }
        }
        return missing;
    }

    /**
     * The scopes granted by both sets. On the scope tree two scopes overlap exactly when one covers
     * the other, and then their overlap is the narrower one; so the meet of two sets is the
     * narrower member of every overlapping pair. Never wider than either operand.
     */
    public ScopeSet intersect(ScopeSet other) {
        List<Scope> overlap = new ArrayList<>();
        for (Scope mine : scopes) {
            for (Scope theirs : other.scopes) {
                if (mine.covers(theirs)) {
                    overlap.add(theirs);
                } else if (theirs.covers(mine)) {
                    overlap.add(mine);
                }
            }
        }
        return of(overlap);
    }

    public ScopeSet union(ScopeSet other) {
        List<Scope> all = new ArrayList<>(scopes);
        all.addAll(other.scopes);
        return of(all);
    }

    /** The scopes as strings, in a stable order. */
    public List<String> asStrings() {
        return scopes.stream().map(Scope::toString).collect(Collectors.toList());
    }

    /** Space-separated, as in an OAuth {@code scope} parameter or a stored column. */
    public String toSpaceSeparated() {
        String text = spaceSeparated;
        if (text == null) {
            text = String.join(" ", asStrings());
            spaceSeparated = text;
        }
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScopeSet other && scopes.equals(other.scopes);
    }

    @Override
    public int hashCode() {
        return scopes.hashCode();
    }

    @Override
    public String toString() {
        return asStrings().toString();
    }
}
