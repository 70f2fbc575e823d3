package dev.latchkey.domain.mail;

/**
 * Sends mail: through an SMTP server in production, into an outbox directory the operator can read
 * on the embedded default.
 */
public interface Mailer {

    /**
     * Hands the message on; returns once the SMTP server (or the outbox) has taken it.
     *
     * @throws MailUnavailable when it could not be handed on
     */
    void send(OutgoingMail mail);

    /** The mail could not be handed on: the server is unreachable, refused it, or the outbox is unwritable. */
    final class MailUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MailUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
