package dev.latchkey.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A layout that writes what the layout it wraps writes, with every credential masked: Latchkey's own
 * lines never carry one, but a library's may — Jetty at DEBUG prints request headers, and the admin
 * port's log-level task can turn DEBUG on at run time. Masked: {@code Authorization}, {@code X-API-Key},
 * cookie and principal headers; Bearer and Basic values; JWTs; API keys, OAuth and workload secrets by
 * their prefixes; password, secret and token fields in forms and JSON; and the contents of Jetty's
 * buffer dumps (raw bytes of requests, where a field's name may be cut off).
 */
final class CredentialMasking extends LayoutBase<ILoggingEvent> {
    private static final List<Rule> RULES = List.of(
            // Jetty's buffer dumps show arbitrary windows of raw requests: a field's name may be cut off.
            new Rule("(ByteBuffer[A-Za-z]*@[0-9a-f]+\\[[^\\]]*\\])=\\{.*\\}", "$1={***}"),
            new Rule(
                    "(?i)\\b(authorization|x-api-key|cookie|set-cookie|x-latchkey-principal|x-latchkey-approval)"
                            + "((?:\\\\?\")?\\s*[:=]\\s*(?:\\\\?\")?)[^\\r\\n\",;\\\\]+",
                    "$1$2***"),
            new Rule("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+", "$1 ***"),
            new Rule("\\beyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.?[A-Za-z0-9_-]*", "eyJ***"),
            new Rule("\\b(sk_[a-z]+_|wk_|[a-z]+_o[ar]t_)[A-Za-z0-9_-]+", "$1***"),
            new Rule(
                    "(?i)\\b(password|secret|client_secret|workload_secret|refresh_token|access_token|id_token|"
                            + "code_verifier|subject_token|actor_token)((?:\\\\?\")?\\s*[:=]\\s*(?:\\\\?\")?)[^&\\s\",}\\\\]+",
                    "$1$2***"),
            // An authorization code or a token in a query string or form; "code=" elsewhere is a decision's code.
            new Rule("([?&](?:code|token)=)[^&\\s\"\\\\]+", "$1***"));

    private record Rule(Pattern pattern, String replacement) {
        Rule(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }
    }

    private final LayoutBase<ILoggingEvent> inner;

    CredentialMasking(LayoutBase<ILoggingEvent> inner) {
        this.inner = inner;
    }

    static String mask(String line) {
        String masked = line;
        for (Rule rule : RULES) {
            masked = rule.pattern().matcher(masked).replaceAll(rule.replacement());
        }
        return masked;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        return mask(inner.doLayout(event));
    }

    @Override
    public void start() {
        inner.start();
        super.start();
    }

    @Override
    public void stop() {
        inner.stop();
        super.stop();
    }
}
