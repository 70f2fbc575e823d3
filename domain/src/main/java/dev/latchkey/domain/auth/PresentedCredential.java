package dev.latchkey.domain.auth;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A credential as the caller presented it, before any verification: where it came from decides
 * which verifiers may look at it. Its {@code toString} never shows the value.
 */
public sealed interface PresentedCredential {

    /** The raw value; handle with care, never log it. */
    String value();

    /**
     * The SHA-256 of the value, computed once per request: every verifier's cache keys on it, so a
     * credential walking the verifier chain is hashed once, not once per verifier.
     */
    ByteBuffer fingerprint();

    /** {@code Authorization: Bearer <value>} (RFC 6750 §2.1). */
    record Bearer(String value, ByteBuffer fingerprint) implements PresentedCredential {
        public Bearer {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }

        public Bearer(String value) {
            this(Objects.requireNonNull(value, "value"), VerificationCache.fingerprint(value));
        }

        @Override
        public String toString() {
            return "Bearer[redacted]";
        }
    }

    /**
     * {@code X-API-Key: <value>}, and the client address it came from: an unknown key costs a call to
     * the key's authority when that is an external provider, so unknown keys are budgeted per source.
     */
    record ApiKeyHeader(String value, ByteBuffer fingerprint, String source) implements PresentedCredential {
        /** The source when the edge does not know it. */
        public static final String UNKNOWN_SOURCE = "unknown";

        public ApiKeyHeader {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(source, "source");
        }

        public ApiKeyHeader(String value, ByteBuffer fingerprint) {
            this(value, fingerprint, UNKNOWN_SOURCE);
        }

        public ApiKeyHeader(String value) {
            this(Objects.requireNonNull(value, "value"), VerificationCache.fingerprint(value), UNKNOWN_SOURCE);
        }

        @Override
        public String toString() {
            return "ApiKeyHeader[redacted]";
        }
    }
}
