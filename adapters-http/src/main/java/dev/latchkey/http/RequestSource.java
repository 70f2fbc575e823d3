package dev.latchkey.http;

import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.Principal;
import jakarta.servlet.http.HttpServletRequest;

/** The audit initiator of an HTTP request: the verified principal and the peer address. */
public final class RequestSource {

    private RequestSource() {}

    public static Initiator initiator(Principal principal, HttpServletRequest request) {
        return Initiator.of(principal, request == null ? null : request.getRemoteAddr());
    }
}
