package dev.latchkey.mail;

import dev.latchkey.domain.mail.Mailer;
import dev.latchkey.domain.mail.OutgoingMail;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;

/**
 * Mail through an SMTP server (Jakarta Mail). Connecting, each read and each write have a time
 * limit, so a stalled server costs one request at most {@code timeout} per step, never a thread
 * forever. STARTTLS is required when configured, not merely attempted.
 */
public final class SmtpMailer implements Mailer {
    private final Session session;
    private final InternetAddress from;

    /** How to reach the SMTP server; {@code username} empty for a server that needs no login. */
    public record Settings(
            String host, int port, String username, String password, boolean startTls, String from, Duration timeout) {
        @Override
        public String toString() {
            return "SmtpMailer.Settings[host=" + host + ", port=" + port + ", username=" + username
                    + ", password=***, startTls=" + startTls + ", from=" + from + "]";
        }
    }

    public SmtpMailer(Settings settings) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        String millis = Long.toString(settings.timeout().toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        if (settings.startTls()) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        boolean login = settings.username() != null && !settings.username().isEmpty();
        properties.setProperty("mail.smtp.auth", Boolean.toString(login));
        this.session = Session.getInstance(
                properties,
                login
                        ? new Authenticator() {
                            @Override
                            protected PasswordAuthentication getPasswordAuthentication() {
                                return new PasswordAuthentication(settings.username(), settings.password());
                            }
                        }
                        : null);
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("mail.from is not an address: " + settings.from());
        }
    }

    @Override
    public void send(OutgoingMail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(
                    Message.RecipientType.TO, new InternetAddress(mail.to().value(), true));
            message.setSubject(mail.subject(), "UTF-8");
            message.setText(mail.text(), "UTF-8");
            Transport.send(message);
        } catch (MessagingException e) {
            // The message text carries a single-use link: the exception's message does not, keep it so.
            throw new MailUnavailable(
                    "The SMTP server did not take the mail: " + e.getClass().getSimpleName(), e);
        }
    }
}
