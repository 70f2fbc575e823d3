package dev.latchkey.crypto;

import dev.latchkey.domain.common.SecretSealer;

/**
 * Seals secrets with the key-encryption key that protects the signing keys, AES-256-GCM with the
 * record's id (under a purpose of its own, so no sealed value opens as a signing key's) as
 * associated data.
 */
public final class AesGcmSecretSealer implements SecretSealer {
    private static final String PURPOSE = "sealed-secret:";

    private final KeyEncryption encryption;

    public AesGcmSecretSealer(byte[] keyEncryptionKey) {
        this.encryption = new KeyEncryption(keyEncryptionKey);
    }

    @Override
    public String seal(byte[] secret, String context) {
        return encryption.encrypt(secret, PURPOSE + context);
    }

    @Override
    public byte[] open(String sealed, String context) {
        return encryption.decrypt(sealed, PURPOSE + context);
    }
}
