package dev.latchkey.domain.webhook;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * An event's body: {@code {"type": …, "timestamp": …, "data": {…}}} with string values only, keys in
 * order — written here, once, so every attempt sends the same bytes the signature covers.
 */
final class WebhookPayload {
    private WebhookPayload() {}

    static String json(String type, Instant at, Map<String, String> data) {
        StringBuilder out = new StringBuilder(256).append("{\"type\":");
        string(out, type).append(",\"timestamp\":");
        string(out, at.toString()).append(",\"data\":{");
        boolean first = true;
        for (Map.Entry<String, String> field : new TreeMap<>(data).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, field.getKey()).append(':');
            string(out, field.getValue());
        }
        return out.append("}}").toString();
    }

    /** A JSON string (RFC 8259 §7): quote, backslash and control characters escaped. */
    private static StringBuilder string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
