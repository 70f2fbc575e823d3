package dev.latchkey.mail;

import dev.latchkey.domain.mail.Mailer;
import dev.latchkey.domain.mail.OutgoingMail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's mail: each message a file in an outbox directory readable by the operator
 * only (0600), and one log line saying where — never the message, whose link is single-use proof.
 */
public final class OutboxMailer implements Mailer {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxMailer.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final Path outbox;
    private final Clock clock;
    /** Orders the files of one second: names sort in the order the mails were sent. */
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();

    public OutboxMailer(Path outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void send(OutgoingMail mail) {
        Path file = outbox.resolve(STAMP.format(clock.instant().atZone(java.time.ZoneOffset.UTC))
                + String.format("-%08d-", sequence.incrementAndGet())
                + UUID.randomUUID().toString().substring(0, 8)
                + ".txt");
        String content = "To: " + mail.to().value() + "\nSubject: " + mail.subject() + "\n\n" + mail.text();
        try {
            Files.createDirectories(outbox);
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MailUnavailable("The outbox " + outbox + " cannot be written", e);
        }
        LOG.info("Mail ({}) is in the outbox: {}", mail.subject(), file.toAbsolutePath());
    }
}
