package dev.latchkey.http.auth;

import dev.latchkey.domain.auth.Principal;
import jakarta.ws.rs.core.SecurityContext;

/** The verified principal, carried on the request as its {@link SecurityContext}. */
public final class CallerContext implements SecurityContext {
    private final VerifiedCaller caller;
    private final boolean secure;

    /** Jersey hands resources a proxy of the context, so the principal travels as the user principal. */
    private record VerifiedCaller(Principal principal) implements java.security.Principal {
        @Override
        public String getName() {
            return principal.actor().id();
        }
    }

    CallerContext(Principal principal, boolean secure) {
        this.caller = new VerifiedCaller(principal);
        this.secure = secure;
    }

    /** The principal of a request that passed an {@link Authenticated} posture. */
    public static Principal principal(SecurityContext context) {
        if (context != null && context.getUserPrincipal() instanceof VerifiedCaller verified) {
            return verified.principal();
        }
        throw new IllegalStateException("no verified principal: is the method annotated @Authenticated?");
    }

    /**
     * The workspace of a request that passed an {@link Authenticated} posture with scopes: the
     * decision refused a principal without one, so its absence here is a programming error.
     */
    public static String tenant(SecurityContext context) {
        return principal(context)
                .tenantId()
                .orElseThrow(() -> new IllegalStateException("no tenant: does the method require scopes?"));
    }

    @Override
    public java.security.Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.principal().actor().role().equals(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
