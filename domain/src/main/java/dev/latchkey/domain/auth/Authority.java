package dev.latchkey.domain.auth;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.scope.ScopeSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one rule every operation that creates or widens authority follows (creating and rolling keys,
 * invitations and role changes, actor mappings and their owner scopes, policy approval, grants and
 * the tokens issued for them): the result never exceeds what the caller holds.
 *
 * <p>And governance belongs to people. Deciding approvals and workload policies, changing members
 * and roles, actor mappings and deleting the workspace are never done by a machine credential (an
 * API key, a WorkOS API key, an OAuth or a workload token), whatever its scopes: an agent that could
 * approve its own requests or promote itself would make every other rule optional. A delegated
 * credential (workload or OAuth token) also never mints API keys or machine clients: either would
 * outlive the delegation it came from and never meet an approval.
 */
public final class Authority {
    /** Scopes only a person exercises. */
    public static final ScopeSet GOVERNANCE = ScopeSet.parse(List.of(
            "approvals:decide", "workload_policies:decide", "members:write", "actors:write", "workspaces:delete"));
    /** Scopes a delegated credential never exercises: governance, and minting keys. */
    public static final ScopeSet NEVER_DELEGATED =
            GOVERNANCE.union(ScopeSet.parse(List.of("api_keys:write", "oauth_clients:write")));

    private Authority() {}

    /** Whether a person presented the credential (rather than a machine or an agent). */
    public static boolean isPerson(CredentialKind kind) {
        return kind == CredentialKind.USER_JWT
                || kind == CredentialKind.EXTERNAL_JWT
                || kind == CredentialKind.WORKOS_ACCESS_TOKEN;
    }

    /** Whether the credential holds authority lent to it for a while, rather than its own. */
    public static boolean isDelegated(CredentialKind kind) {
        return kind == CredentialKind.WORKLOAD_TOKEN || kind == CredentialKind.OAUTH_ACCESS_TOKEN;
    }

    /** The scopes among {@code scopes} a delegation never carries, by name (for a grant's explanation). */
    public static List<Scope> neverDelegatedIn(ScopeSet scopes) {
        return NEVER_DELEGATED.scopes().stream().filter(scopes::covers).toList();
    }

    /**
     * Passes when the caller may exercise every one of {@code required} by the kind of its credential.
     *
     * @throws AuthFailure {@code insufficient_scope} naming the scope and why
     */
    public static void requireMayExercise(Principal caller, ScopeSet required) {
        CredentialKind kind = caller.credentialKind();
        if (isPerson(kind)) {
            return;
        }
        List<Scope> governance =
                required.scopes().stream().filter(GOVERNANCE::covers).toList();
        if (!governance.isEmpty()) {
            throw new AuthFailure(
                    AuthError.INSUFFICIENT_SCOPE,
                    names(governance) + " is governance: it belongs to"
                            + " people, never to an API key, OAuth token or workload token");
        }
        List<Scope> minting =
                required.scopes().stream().filter(NEVER_DELEGATED::covers).toList();
        if (isDelegated(kind) && !minting.isEmpty()) {
            throw new AuthFailure(
                    AuthError.INSUFFICIENT_SCOPE,
                    names(minting) + " is never delegated: a key would"
                            + " outlive the workload or OAuth token it came from");
        }
    }
    /**
     * Passes when {@code granted} is within {@code held}.
     *
     * @param what what is being granted, for the refusal ("a key", "the role admin")
     * @throws AuthFailure {@code insufficient_scope} naming every scope beyond the caller's
     */
    public static void requireWithin(ScopeSet held, ScopeSet granted, String what) {
        List<Scope> beyond = held.missingFrom(granted);
        if (!beyond.isEmpty()) {
            throw new AuthFailure(
                    AuthError.INSUFFICIENT_SCOPE,
                    "Cannot grant scopes the caller does not hold (" + what + "): " + names(beyond));
        }
    }

    private static String names(List<Scope> scopes) {
        return scopes.stream().map(Scope::toString).collect(Collectors.joining(" "));
    }
}
