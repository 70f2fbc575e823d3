package dev.latchkey.outbound;

/** An identity provider could not answer (timeout, connection failure, 5xx, open breaker, full bulkhead). */
public final class ProviderUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
