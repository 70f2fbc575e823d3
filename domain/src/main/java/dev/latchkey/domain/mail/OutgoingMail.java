package dev.latchkey.domain.mail;

import java.util.Objects;

/**
 * One plain-text message to one address. Its text may carry a single-use link, so it is never
 * logged: {@link #toString()} names only the recipient and the subject.
 */
public record OutgoingMail(EmailAddress to, String subject, String text) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "OutgoingMail[to=" + to.value() + ", subject=" + subject + "]";
    }
}
