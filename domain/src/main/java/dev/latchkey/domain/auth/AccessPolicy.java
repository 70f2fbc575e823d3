package dev.latchkey.domain.auth;

import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.scope.ScopeSet;
import java.util.List;
import java.util.stream.Collectors;

/** Decides whether a verified principal may do what a route requires. */
public final class AccessPolicy {

    private AccessPolicy() {}

    /**
     * Passes when the principal's effective scopes grant every required scope, and none of them is
     * governance exercised by a machine credential ({@link Authority}).
     *
     * @throws AuthFailure {@code insufficient_scope}, naming each missing scope
     */
    public static void requireScopes(Principal principal, ScopeSet required) {
        if (!required.isEmpty()) {
            requireTenant(principal); // scopes only mean something inside a workspace
        }
        Authority.requireMayExercise(principal, required);
        List<Scope> missing = principal.scopes().missingFrom(required);
        if (!missing.isEmpty()) {
            String names = missing.stream().map(Scope::toString).collect(Collectors.joining(" "));
            throw new AuthFailure(AuthError.INSUFFICIENT_SCOPE, "Missing required scope: " + names);
        }
    }

    /**
     * Returns the tenant of the principal.
     *
     * @throws AuthFailure {@code no_workspace} for a person who has none yet (bootstrap first), or
     *     {@code tenant_context_required} for a machine credential that names none
     */
    public static String requireTenant(Principal principal) {
        return principal.tenantId().orElseThrow(() -> noTenant(principal));
    }

    /** The refusal for a principal without a tenant where one is needed. */
    public static AuthFailure noTenant(Principal principal) {
        return principal.isHuman()
                ? new AuthFailure(AuthError.NO_WORKSPACE, "You have no workspace yet: POST /workspaces/bootstrap first")
                : new AuthFailure(AuthError.TENANT_CONTEXT_REQUIRED, "The credential carries no tenant");
    }

    /**
     * Passes unless the credential is bound to a resource other than {@code resource} (RFC 8707):
     * a token a client obtained for one API must not be replayed at another.
     *
     * @throws AuthFailure {@code invalid_oauth_token}
     */
    /**
     * Like {@link #requireAudience(Principal, String)} for a request whose resource may be unknown
     * (two resources it could belong to): a token bound to a resource is then refused.
     */
    public static void requireAudience(Principal principal, java.util.Optional<String> resource) {
        if (resource.isEmpty()) {
            principal.audience().ifPresent(audience -> {
                throw new AuthFailure(
                        AuthError.INVALID_OAUTH_TOKEN,
                        "The request's host does not say which protected"
                                + " resource it is for, so a token bound to one is refused");
            });
            return;
        }
        requireAudience(principal, resource.get());
    }

    public static void requireAudience(Principal principal, String resource) {
        principal.audience().filter(audience -> !audience.equals(resource)).ifPresent(audience -> {
            throw new AuthFailure(AuthError.INVALID_OAUTH_TOKEN, "The token was issued for another resource");
        });
    }
}
