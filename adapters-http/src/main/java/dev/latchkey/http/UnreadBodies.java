package dev.latchkey.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Reads what is left of a small request body once the request is handled. Many endpoints answer
 * without reading a body the client sent anyway ({@code POST …/approve} with {@code {}}, a 404, a
 * refusal); when those bytes have not all arrived by then, Jetty cannot tell the request is over and
 * closes the connection, and a client that reuses it (any HTTP/1.1 client's pool) fails its next
 * request with an empty response. Reading them keeps the connection. Past {@link #LIMIT} the body is
 * left unread and Jetty closes the connection, as it should for a client that sends more than it
 * was asked for.
 */
public final class UnreadBodies implements Filter {
    /** Enough for any body Latchkey's own endpoints accept. */
    static final int LIMIT = 64 * 1024;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        HttpServletRequest http = (HttpServletRequest) request;
        boolean hasBody = http.getContentLengthLong() > 0 || http.getHeader("Transfer-Encoding") != null;
        if (hasBody && http.getContentLengthLong() <= LIMIT && !request.isAsyncStarted()) {
            drain(request);
        }
    }

    private static void drain(ServletRequest request) {
        try {
            ServletInputStream in = request.getInputStream();
            byte[] buffer = new byte[4096];
            int total = 0;
            for (int n; total <= LIMIT && (n = in.read(buffer)) >= 0; ) {
                total += n;
            }
        } catch (IllegalStateException | IOException alreadyReadOrGone) {
            // Read through getReader(), or the client went away: nothing to keep.
        }
    }
}
