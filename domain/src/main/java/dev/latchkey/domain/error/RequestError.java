package dev.latchkey.domain.error;

/**
 * Failures of a request that are not about who the caller is: the target does not exist, the
 * input is invalid, or it conflicts with what exists. Each has a stable wire code.
 */
public enum RequestError {
    /** The addressed resource does not exist for this caller (another tenant's ids included). */
    NOT_FOUND("not_found", "Not found"),
    /** The request body or parameters are malformed or violate a rule. */
    INVALID_REQUEST("invalid_request", "Invalid request"),
    /** The request conflicts with the current state. */
    CONFLICT("conflict", "Conflict");

    private final String code;
    private final String title;

    RequestError(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
