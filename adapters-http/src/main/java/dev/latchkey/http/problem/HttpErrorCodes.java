package dev.latchkey.http.problem;

/**
 * Codes for failures that only exist at the HTTP layer (routing, content negotiation, our own
 * faults). Domain failures carry their codes in {@code AuthError} and {@code RequestError}.
 */
public final class HttpErrorCodes {
    /** No such route (RFC 9110 §15.5.5). */
    public static final String NOT_FOUND = "not_found";
    /** The route exists but not for this method (RFC 9110 §15.5.6). */
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    /** Malformed syntax: bad JSON, a wrong type, a missing body (RFC 9110 §15.5.1). */
    public static final String INVALID_REQUEST = "invalid_request";
    /** The body's media type is not accepted (RFC 9110 §15.5.16). */
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    /** No representation matches the Accept header (RFC 9110 §15.5.7). */
    public static final String NOT_ACCEPTABLE = "not_acceptable";
    /** A store Latchkey depends on cannot be reached; retry later (RFC 9110 §15.6.4). */
    public static final String SERVICE_UNAVAILABLE = "service_unavailable";
    /** Our fault; the detail carries an id to quote to operators (RFC 9110 §15.6.1). */
    public static final String INTERNAL_ERROR = "internal_error";

    private HttpErrorCodes() {}
}
