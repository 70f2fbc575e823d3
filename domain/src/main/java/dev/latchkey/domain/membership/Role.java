package dev.latchkey.domain.membership;

import java.util.Arrays;
import java.util.Locale;

/** A member's role in a workspace; which scopes each grants is configuration ({@link RoleScopes}). */
public enum Role {
    OWNER,
    ADMIN,
    MEMBER,
    VIEWER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code owner}, {@code admin}, {@code member} or {@code viewer}. */
    public static Role parse(String text) {
        return Arrays.stream(values())
                .filter(r -> r.wireName().equals(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role: " + text));
    }
}
