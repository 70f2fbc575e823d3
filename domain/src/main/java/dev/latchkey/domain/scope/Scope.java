package dev.latchkey.domain.scope;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One permission: {@code resource:action} (for example {@code records:read}), every action on one
 * resource ({@code records:*}), or everything ({@code *}).
 *
 * <p>Scopes form a tree under "covers": {@code *} covers every scope, {@code r:*} covers every
 * {@code r:action}, and a concrete scope covers only itself. Because it is a tree, two scopes
 * either overlap in one of them or not at all, which keeps intersection exact.
 */
public record Scope(String resource, String action) implements Comparable<Scope> {
    public static final String WILDCARD = "*";
    public static final Scope ALL = new Scope(WILDCARD, WILDCARD);

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,62}");

    public Scope {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(action, "action");
        if (resource.equals(WILDCARD)) {
            if (!action.equals(WILDCARD)) {
                throw new IllegalArgumentException("a wildcard resource takes no action: *:" + action);
            }
        } else {
            if (!NAME.matcher(resource).matches()) {
                throw new IllegalArgumentException("invalid scope resource: " + resource);
            }
            if (!action.equals(WILDCARD) && !NAME.matcher(action).matches()) {
                throw new IllegalArgumentException("invalid scope action: " + action);
            }
        }
    }

    /**
     * Parses {@code *}, {@code resource:*} or {@code resource:action}.
     *
     * @throws IllegalArgumentException when the text is not a scope
     */
    public static Scope parse(String text) {
        Objects.requireNonNull(text, "scope");
        if (text.equals(WILDCARD)) {
            return ALL;
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon != text.lastIndexOf(':') || colon == text.length() - 1) {
            throw new IllegalArgumentException("invalid scope, expected resource:action: " + text);
        }
        return new Scope(text.substring(0, colon), text.substring(colon + 1));
    }

    public boolean isAll() {
        return resource.equals(WILDCARD);
    }

    /** True when holding this scope grants {@code other}. */
    public boolean covers(Scope other) {
        if (isAll()) {
            return true;
        }
        if (!resource.equals(other.resource)) {
            return false;
        }
        return action.equals(WILDCARD) || action.equals(other.action);
    }

    @Override
    public int compareTo(Scope other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return isAll() ? WILDCARD : resource + ":" + action;
    }
}
