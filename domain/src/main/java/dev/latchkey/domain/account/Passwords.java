package dev.latchkey.domain.account;

import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.mail.EmailAddress;

/** Password rules (NIST SP 800-63B §5.1.1: length, not composition). */
final class Passwords {
    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 1024;

    private Passwords() {}

    static void requireAcceptable(String password, EmailAddress email) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw RequestRejected.invalid("password must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (password.equalsIgnoreCase(email.value())) {
            throw RequestRejected.invalid("password must not be the email address");
        }
    }
}
