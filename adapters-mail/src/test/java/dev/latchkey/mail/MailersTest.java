package dev.latchkey.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.latchkey.domain.mail.EmailAddress;
import dev.latchkey.domain.mail.Mailer;
import dev.latchkey.domain.mail.OutgoingMail;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Mail really leaves: SMTP to a real SMTP server (GreenMail), and files in the outbox. */
class MailersTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final OutgoingMail MAIL = new OutgoingMail(
            EmailAddress.parse("ana@example.com"),
            "Confirm your email address",
            "POST {\"token\": \"t0k3n\"} to https://auth.example/auth/verify-email\n");

    @TempDir
    Path dir;

    private static SmtpMailer.Settings to(int port) {
        return new SmtpMailer.Settings(
                "127.0.0.1", port, "", "", false, "Latchkey <latchkey@example.com>", Duration.ofSeconds(2));
    }

    @Test
    void smtpDeliversTheMessageToTheServer() throws Exception {
        new SmtpMailer(to(SMTP.getSmtp().getPort())).send(MAIL);

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Confirm your email address");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ana@example.com");
        assertThat(received[0].getFrom()[0].toString()).contains("latchkey@example.com");
        assertThat(GreenMailUtil.getBody(received[0])).contains("t0k3n");
    }

    @Test
    void aServerThatNeverAnswersCostsTheTimeLimitNotAThread() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> new SmtpMailer(to(silent.getLocalPort())).send(MAIL))
                    .isInstanceOf(Mailer.MailUnavailable.class)
                    .hasMessageNotContaining("t0k3n");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void anUnreachableServerIsUnavailable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> new SmtpMailer(to(closed)).send(MAIL)).isInstanceOf(Mailer.MailUnavailable.class);
    }

    @Test
    void theOutboxKeepsEachMessageInAFileOnlyItsOwnerReads() throws Exception {
        Path outbox = dir.resolve("outbox");
        new OutboxMailer(outbox, Clock.systemUTC()).send(MAIL);

        List<Path> files;
        try (var listed = Files.list(outbox)) {
            files = listed.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(Files.readString(files.get(0)))
                .contains("To: ana@example.com")
                .contains("t0k3n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0))))
                .isEqualTo("rw-------");
        assertThat(MAIL.toString()).as("never the text when logged").doesNotContain("t0k3n");
    }
}
