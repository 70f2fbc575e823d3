package dev.latchkey.domain.grant;

import dev.latchkey.domain.auth.Authority;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.scope.ScopeSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a grant grants what it does: the three terms, their intersection, and for each requested
 * scope whether it survived whole, was narrowed, or was removed — and by which term. Governance and
 * key minting are never delegated ({@link Authority}): a requested governance scope is removed by
 * {@link Term#GOVERNANCE}, and {@code withheld} names those the effective scopes would otherwise
 * cover (through {@code *} or {@code members:*}), which the workload's tokens never exercise.
 */
public record GrantExplanation(
        ScopeSet userScopes,
        ScopeSet policyScopes,
        ScopeSet requested,
        ScopeSet effective,
        List<Outcome> outcomes,
        List<Scope> withheld) {

    /** Which term of the intersection limited a requested scope. */
    public enum Term {
        USER,
        POLICY,
        GOVERNANCE
    }

    /** What became of one requested scope. */
    public enum Fate {
        GRANTED,
        NARROWED,
        REMOVED
    }

    /** One requested scope's fate and the terms that limited it. */
    public record Outcome(Scope requested, Fate fate, List<Term> limitedBy) {
        public Outcome {
            limitedBy = List.copyOf(limitedBy);
        }
    }

    public GrantExplanation {
        outcomes = List.copyOf(outcomes);
        withheld = List.copyOf(withheld);
    }

    /** Effective = user ∩ policy ∩ requested, explained per requested scope. */
    public static GrantExplanation of(ScopeSet user, ScopeSet policy, ScopeSet requested) {
        ScopeSet asked = ScopeSet.of(requested.scopes().stream()
                .filter(scope -> !Authority.NEVER_DELEGATED.covers(scope))
                .toList());
        ScopeSet effective = user.intersect(policy).intersect(asked);
        List<Outcome> outcomes = new ArrayList<>();
        for (Scope scope : requested.scopes()) {
            List<Term> limitedBy = new ArrayList<>();
            if (!user.covers(scope)) {
                limitedBy.add(Term.USER);
            }
            if (!policy.covers(scope)) {
                limitedBy.add(Term.POLICY);
            }
            if (Authority.NEVER_DELEGATED.covers(scope)) {
                limitedBy.add(Term.GOVERNANCE);
            }
            Fate fate;
            if (effective.covers(scope)) {
                fate = Fate.GRANTED;
            } else if (!effective.intersect(ScopeSet.of(scope)).isEmpty()) {
                fate = Fate.NARROWED;
            } else {
                fate = Fate.REMOVED;
            }
            outcomes.add(new Outcome(scope, fate, limitedBy));
        }
        return new GrantExplanation(
                user, policy, requested, effective, outcomes, Authority.neverDelegatedIn(effective));
    }
}
