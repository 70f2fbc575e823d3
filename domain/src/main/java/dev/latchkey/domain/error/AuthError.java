package dev.latchkey.domain.error;

/**
 * The closed set of authentication and authorization failures, each with the stable wire
 * {@code code} clients program against. Which HTTP status and challenge a failure becomes is
 * decided once, at the HTTP edge; the domain only says what failed and of which {@link Kind}.
 *
 * <p>Renaming a code is a breaking API change: a test pins every string.
 */
public enum AuthError {
    /** No credential was presented. */
    MISSING_AUTH("missing_auth", Kind.UNAUTHENTICATED, "Authentication required"),
    /** A credential header is present but cannot be parsed. */
    INVALID_AUTH_HEADER("invalid_auth_header", Kind.UNAUTHENTICATED, "Malformed credentials"),
    /** API key not found, revoked, expired or not matching its stored hash. */
    INVALID_API_KEY("invalid_api_key", Kind.UNAUTHENTICATED, "Invalid API key"),
    /** Bad signature, expired, wrong issuer or audience, or a refused algorithm. */
    INVALID_JWT("invalid_jwt", Kind.UNAUTHENTICATED, "Invalid token"),
    /** Unknown, expired or revoked OAuth access token. */
    INVALID_OAUTH_TOKEN("invalid_oauth_token", Kind.UNAUTHENTICATED, "Invalid OAuth token"),
    /** A workload token whose {@code jti} is no longer active. */
    TOKEN_REVOKED("token_revoked", Kind.UNAUTHENTICATED, "Token revoked"),
    /** The credential resolves, but its workspace was deleted. */
    WORKSPACE_NOT_FOUND("workspace_not_found", Kind.UNAUTHENTICATED, "Workspace not found"),
    /** Sign-in with an email and password that do not match an account (which one is not said). */
    INVALID_CREDENTIALS("invalid_credentials", Kind.UNAUTHENTICATED, "Invalid credentials"),
    /** A valid credential with no active actor mapping. */
    ACTOR_NOT_MAPPED("actor_not_mapped", Kind.FORBIDDEN, "Actor not mapped"),
    /** A signed-in user with no workspace yet. */
    NO_WORKSPACE("no_workspace", Kind.FORBIDDEN, "No workspace"),
    /** A required scope is missing; the detail names it. */
    INSUFFICIENT_SCOPE("insufficient_scope", Kind.FORBIDDEN, "Insufficient scope"),
    /** A sensitive action by a workload principal without an approval decision. */
    APPROVAL_REQUIRED("approval_required", Kind.FORBIDDEN, "Sensitive action requires explicit approval"),
    /** A workload proved its secret, but an admin has disabled it: no token until it is enabled. */
    WORKLOAD_DISABLED("workload_disabled", Kind.FORBIDDEN, "Workload disabled"),
    /** The verified principal carries no tenant. */
    TENANT_CONTEXT_REQUIRED("tenant_context_required", Kind.FORBIDDEN, "Tenant context required"),
    /** An owner-scoped read of something the caller does not own. */
    OWNER_SCOPE_MISMATCH("owner_scope_mismatch", Kind.FORBIDDEN, "Owner scope mismatch"),
    /** Local API-key routes while an external provider is the key authority. */
    API_KEY_MANAGEMENT_RETIRED("api_key_management_retired", Kind.RETIRED, "API key management retired"),
    /** Any other route configured as retired; the detail says where it lives now. */
    ROUTE_RETIRED("route_retired", Kind.RETIRED, "Route retired"),
    /** Too many requests in the current window. */
    RATE_LIMITED("rate_limited", Kind.THROTTLED, "Rate limited"),
    /** The workspace's usage cap for the period is spent. */
    USAGE_CAP_EXCEEDED("usage_cap_exceeded", Kind.THROTTLED, "Usage cap exceeded"),
    /** The identity provider (or the credential store) cannot answer and nothing cached can. */
    IDENTITY_PROVIDER_UNAVAILABLE("identity_provider_unavailable", Kind.UNAVAILABLE, "Identity provider unavailable");

    /** What sort of failure this is; the HTTP edge turns each kind into one status. */
    public enum Kind {
        UNAUTHENTICATED,
        FORBIDDEN,
        RETIRED,
        THROTTLED,
        UNAVAILABLE
    }

    private final String code;
    private final Kind kind;
    private final String title;

    AuthError(String code, Kind kind, String title) {
        this.code = code;
        this.kind = kind;
        this.title = title;
    }

    /** The stable wire code. */
    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** A short human-readable summary, the same for every occurrence. */
    public String title() {
        return title;
    }
}
