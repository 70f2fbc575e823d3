package dev.latchkey.domain.common;

/**
 * A store port could not be reached (connection refused, pool exhausted, timeout). Adapters throw
 * it instead of their driver's exceptions so the domain can tell "the database is down" (503) from
 * "the credential is wrong" (401).
 */
public final class StoreUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
