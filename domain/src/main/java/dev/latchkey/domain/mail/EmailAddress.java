package dev.latchkey.domain.mail;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An email address in normal form (trimmed, lower-cased), so {@code Ana@Example.com } and
 * {@code ana@example.com} are one account. Deliberately permissive beyond that: proving an address
 * exists is the mail server's job.
 */
public record EmailAddress(String value) {
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_LENGTH = 254; // RFC 5321 §4.5.3.1.3

    public EmailAddress {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches() || !value.equals(normalise(value))) {
            throw new IllegalArgumentException("not a normalised email address");
        }
    }

    /** Normalises and validates user input. */
    public static EmailAddress parse(String input) {
        if (input == null) {
            throw new IllegalArgumentException("email is required");
        }
        String normalised = normalise(input);
        if (normalised.length() > MAX_LENGTH || !SHAPE.matcher(normalised).matches()) {
            throw new IllegalArgumentException("email is not a valid address");
        }
        return new EmailAddress(normalised);
    }

    private static String normalise(String input) {
        return input.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
