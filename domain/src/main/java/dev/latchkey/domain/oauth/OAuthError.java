package dev.latchkey.domain.oauth;

/**
 * The error codes of the OAuth endpoints (RFC 6749 §4.1.2.1 and §5.2, RFC 7591 §3.2.2, RFC 8707 §2,
 * RFC 7009 §2.2.1). They are wire values clients branch on: the MCP SDK re-registers on
 * {@code invalid_client} and restarts authorization on {@code invalid_grant}. Which HTTP status each
 * becomes is decided at the HTTP edge.
 */
public enum OAuthError {
    INVALID_REQUEST("invalid_request"),
    INVALID_CLIENT("invalid_client"),
    INVALID_GRANT("invalid_grant"),
    UNAUTHORIZED_CLIENT("unauthorized_client"),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type"),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type"),
    INVALID_SCOPE("invalid_scope"),
    INVALID_TARGET("invalid_target"),
    ACCESS_DENIED("access_denied"),
    INVALID_REDIRECT_URI("invalid_redirect_uri"),
    INVALID_CLIENT_METADATA("invalid_client_metadata"),
    UNSUPPORTED_TOKEN_TYPE("unsupported_token_type"),
    /** Too many registrations from one address, or the store cannot be reached. */
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable");

    private final String code;

    OAuthError(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
