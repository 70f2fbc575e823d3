package dev.latchkey.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id — the caller's or proxy's {@code X-Request-Id} when it is a sane token,
 * else a new one — puts it in the logging context as {@code request_id} (so every log line of the
 * request carries it) and returns it in the response.
 */
public final class RequestIds implements Filter {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /**
     * 128 bits from the thread's own generator, as a UUID-shaped string: an id to correlate log
     * lines, not a secret, so it need not cost a SecureRandom draw on every request.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String presented = ((HttpServletRequest) request).getHeader(HEADER);
        String id = presented != null && SANE.matcher(presented).matches() ? presented : newId();
        ((HttpServletResponse) response).setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
