package dev.latchkey.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature (standardwebhooks.com): {@code webhook-id}, {@code
 * webhook-timestamp} (Unix seconds) and {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">}. A receiver rejects a stale timestamp, so a captured request cannot be
 * replayed later, and drops a repeated id. Secrets are {@code whsec_} and the base64 of the key.
 */
public final class WebhookSignature {
    public static final String SECRET_PREFIX = "whsec_";
    public static final int KEY_BYTES = 32;

    private WebhookSignature() {}

    /** The secret as the receiver configures it. */
    public static String secretOf(byte[] key) {
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public static Map<String, String> headers(String messageId, long unixSeconds, String body, byte[] key) {
        return Map.of(
                "webhook-id",
                messageId,
                "webhook-timestamp",
                Long.toString(unixSeconds),
                "webhook-signature",
                "v1," + sign(messageId, unixSeconds, body, key));
    }

    static String sign(String messageId, long unixSeconds, String body, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((messageId + "." + unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
