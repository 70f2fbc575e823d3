package dev.latchkey.domain.common;

/**
 * Encrypts secrets Latchkey must use again later (a webhook's signing secret), unlike the ones it
 * only checks, which are hashed. Each sealed value is bound to a context (the record's id): it opens
 * only for that record, so a sealed value copied onto another row is useless.
 */
public interface SecretSealer {

    String seal(byte[] secret, String context);

    /** @throws IllegalStateException when the value was not sealed for this context with this key */
    byte[] open(String sealed, String context);
}
