package dev.latchkey.domain.common;

import java.security.SecureRandom;

/** Base62 text: URL-safe, double-click selectable, no padding. */
public final class Base62 {
    static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private Base62() {}

    /** {@code length} characters drawn uniformly (rejection sampling: no modulo bias). */
    public static String random(SecureRandom random, int length) {
        char[] out = new char[length];
        byte[] buffer = new byte[length * 2];
        int filled = 0;
        while (filled < length) {
            random.nextBytes(buffer);
            for (int i = 0; i < buffer.length && filled < length; i++) {
                int candidate = buffer[i] & 0xff;
                if (candidate < 248) { // 248 = 4 * 62: the largest multiple of 62 below 256
                    out[filled++] = ALPHABET[candidate % 62];
                }
            }
        }
        return new String(out);
    }

    /** A non-negative number as exactly {@code width} characters, left-padded with '0'. */
    public static String fixedWidth(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        char[] out = new char[width];
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            out[i] = ALPHABET[(int) (rest % 62)];
            rest /= 62;
        }
        if (rest != 0) {
            throw new IllegalArgumentException(value + " does not fit in " + width + " base62 characters");
        }
        return new String(out);
    }

    public static boolean isBase62(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
