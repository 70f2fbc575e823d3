package dev.latchkey.domain.route;

import dev.latchkey.domain.error.RequestRejected;
import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The path of the request a proxy asks about, read as an origin-form request target (RFC 9112
 * §3.2.1), and refused when an upstream could read it differently from the route table: Latchkey
 * must decide exactly the request the upstream will serve. Refused, with the reason: anything not
 * starting with one {@code /}; dot segments ({@code .}, {@code ..}), raw or percent-encoded; encoded
 * {@code /}, {@code \}, {@code .} or {@code %} (double encoding); {@code ;} path parameters
 * ({@code ..;/} reads as {@code ../} to some servers); {@code \}; empty segments; control characters;
 * malformed escapes and escapes that are not UTF-8. What is left is percent-decoded: other escapes
 * ({@code %41}, {@code %C3%A9}) mean the same to everyone. The query and fragment play no part.
 */
public final class OriginalTarget {
    /** Longer than any path a route table names, and what an approval stores; longer targets are refused. */
    public static final int MAX_LENGTH = 2000;

    private OriginalTarget() {}

    /**
     * The decoded path of {@code target}.
     *
     * @throws RequestRejected {@code invalid_request} saying why the target is ambiguous
     */
    public static String path(String target) {
        if (target == null || target.isEmpty()) {
            throw refused("it is empty");
        }
        if (target.length() > MAX_LENGTH) {
            throw refused("it is longer than " + MAX_LENGTH + " characters");
        }
        int end = target.length();
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        String raw = target.substring(0, end);
        if (!raw.startsWith("/")) {
            throw refused("it is not an origin-form path starting with /");
        }
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(raw.length());
        int segmentStart = 1;
        for (int i = 1; i <= raw.length(); i++) {
            if (i == raw.length() || raw.charAt(i) == '/') {
                segment(raw.substring(segmentStart, i), i == raw.length());
                segmentStart = i + 1;
            }
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x21 || c == 0x7f) {
                throw refused("it contains a space or a control character");
            }
            if (c == '\\') {
                throw refused("it contains \\");
            }
            if (c == ';') {
                throw refused("it contains a ; path parameter");
            }
            if (c == '%') {
                int value = hex(raw, i + 1) * 16 + hex(raw, i + 2);
                if (value == '/' || value == '\\' || value == '.' || value == '%') {
                    throw refused("it encodes " + (char) value + " (%" + raw.substring(i + 1, i + 3) + ")");
                }
                if (value < 0x21 || value == 0x7f) {
                    throw refused("it encodes a space or a control character");
                }
                decoded.write(value);
                i += 2;
            } else if (c > 0x7e) {
                throw refused("it contains a character that is not percent-encoded");
            } else {
                decoded.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(decoded.toByteArray()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw refused("its percent-escapes are not UTF-8");
        }
    }

    /** One segment between slashes, before decoding: no dot segments, raw or encoded, and no empty ones. */
    private static void segment(String segment, boolean last) {
        if (segment.isEmpty()) {
            if (!last) {
                throw refused("it has an empty segment (//)");
            }
            return;
        }
        String lower = segment.toLowerCase(java.util.Locale.ROOT).replace("%2e", ".");
        if (lower.equals(".") || lower.equals("..")) {
            throw refused("it has a dot segment (" + segment + ")");
        }
    }

    private static int hex(String text, int at) {
        if (at >= text.length()) {
            throw refused("it has a malformed percent-escape");
        }
        int digit = Character.digit(text.charAt(at), 16);
        if (digit < 0) {
            throw refused("it has a malformed percent-escape");
        }
        return digit;
    }

    private static RequestRejected refused(String why) {
        return RequestRejected.invalid(
                "The original URI is refused because " + why + ": an upstream could read it differently");
    }
}
