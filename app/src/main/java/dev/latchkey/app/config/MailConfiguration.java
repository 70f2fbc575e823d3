package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.domain.mail.Mailer;
import dev.latchkey.mail.OutboxMailer;
import dev.latchkey.mail.SmtpMailer;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code mail:} where Latchkey's mail goes (address verification, password resets): an SMTP server
 * when {@code smtp.host} is set, else files in {@code outbox} that the operator reads.
 */
public final class MailConfiguration {

    @NotNull
    @JsonProperty("from")
    private String from = "Latchkey <latchkey@localhost>";

    @NotNull
    @JsonProperty("outbox")
    private String outbox = "./data/outbox";

    @Valid
    @NotNull
    @JsonProperty("smtp")
    private Smtp smtp = new Smtp();

    /** {@code mail.smtp:} the server, its login and how long each step may take. */
    public static final class Smtp {
        @NotNull
        @JsonProperty("host")
        private String host = "";

        @JsonProperty("port")
        private int port = 587;

        @NotNull
        @JsonProperty("username")
        private String username = "";

        @NotNull
        @JsonProperty("password")
        private String password = "";

        @JsonProperty("startTls")
        private boolean startTls = true;

        @NotNull
        @JsonProperty("timeout")
        private Duration timeout = Duration.seconds(10);
    }

    public boolean usesSmtp() {
        return !smtp.host.isBlank();
    }

    public Mailer mailer(Clock clock) {
        if (usesSmtp()) {
            return new SmtpMailer(new SmtpMailer.Settings(
                    smtp.host,
                    smtp.port,
                    smtp.username,
                    smtp.password,
                    smtp.startTls,
                    from,
                    smtp.timeout.toJavaDuration()));
        }
        return new OutboxMailer(Path.of(outbox), clock);
    }

    /** Where mail goes, for the start-up line: the SMTP host, or the outbox directory. */
    public String describe() {
        return usesSmtp()
                ? "SMTP " + smtp.host + ":" + smtp.port
                : "outbox " + Path.of(outbox).toAbsolutePath().normalize();
    }
}
