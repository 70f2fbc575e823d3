package dev.latchkey.domain.route;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.scope.ScopeSet;
import java.util.Objects;

/** What a route demands of its caller. */
public sealed interface Posture {

    /** Anyone, no credential needed. */
    record Public() implements Posture {}

    /**
     * Any verified principal holding these scopes (none listed: any). With {@code workspaceRequired}
     * it must also act inside a workspace: always so on a guarded API's route; on Latchkey's own
     * API only where scopes are required (a person with no workspace yet may still ask who they
     * are, bootstrap one or sign out).
     */
    record Authenticated(ScopeSet scopes, boolean workspaceRequired) implements Posture {
        public Authenticated {
            Objects.requireNonNull(scopes, "scopes");
            if (!scopes.isEmpty() && !workspaceRequired) {
                throw new IllegalArgumentException("scopes only mean something inside a workspace");
            }
        }

        /** A guarded API's route: scopes, and a workspace always. */
        public Authenticated(ScopeSet scopes) {
            this(scopes, true);
        }
    }

    /**
     * Owner-scoped reads: the principal's owner scopes must include the value of path parameter
     * {@code parameter}, or — with no parameter — the principal must own something at all (the
     * upstream narrows to what, from the owner scopes it is told).
     */
    record Owner(java.util.Optional<String> parameter) implements Posture {
        public Owner {
            Objects.requireNonNull(parameter, "parameter");
        }
    }

    /**
     * A sensitive mutation: these scopes, and for a workload principal an explicit, single-use
     * approval of exactly this action; people with the scopes are not asked.
     */
    record Sensitive(ScopeSet scopes) implements Posture {
        public Sensitive {
            Objects.requireNonNull(scopes, "scopes");
        }
    }

    /** Gone: answers 410 with {@code code} (one of the {@link AuthError.Kind#RETIRED} errors) and the pointer. */
    record Retired(String pointer, AuthError code) implements Posture {
        public Retired {
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(code, "code");
            if (code.kind() != AuthError.Kind.RETIRED) {
                throw new IllegalArgumentException("a retired route answers a retired code, not " + code.code());
            }
        }

        public Retired(String pointer) {
            this(pointer, AuthError.ROUTE_RETIRED);
        }
    }
}
