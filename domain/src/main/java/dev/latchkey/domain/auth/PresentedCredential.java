package dev.latchkey.domain.auth;

import java.util.Objects;

/**
 * A credential as the caller presented it, before any verification: where it came from decides
 * which verifiers may look at it. Its {@code toString} never shows the value.
 */
public sealed interface PresentedCredential {

    /** The raw value; handle with care, never log it. */
    String value();

    /** {@code Authorization: Bearer <value>} (RFC 6750 §2.1). */
    record Bearer(String value) implements PresentedCredential {
        public Bearer {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "Bearer[redacted]";
        }
    }

    /** {@code X-API-Key: <value>}. */
    record ApiKeyHeader(String value) implements PresentedCredential {
        public ApiKeyHeader {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "ApiKeyHeader[redacted]";
        }
    }
}
