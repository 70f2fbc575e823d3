package dev.latchkey.identity;

/** An identity provider could not answer (timeout, connection failure, 5xx, open breaker, full bulkhead). */
final class ProviderUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
