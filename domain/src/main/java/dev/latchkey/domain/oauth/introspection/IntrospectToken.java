package dev.latchkey.domain.oauth.introspection;

import dev.latchkey.domain.auth.AuthenticateRequest;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.oauth.ClientCredentials;
import dev.latchkey.domain.oauth.OAuthError;
import dev.latchkey.domain.oauth.OAuthFailure;
import java.util.Optional;

/**
 * Token introspection (RFC 7662) for registered resource servers: the presented token goes through
 * the same verifier chain, caches and live checks as every request Latchkey decides, so an answer is
 * as fresh as {@code /authz/check}'s and a revocation reaches both at once. Any credential Latchkey
 * issues or accepts can be asked about — its OAuth and workload tokens, API keys, user and trusted
 * issuers' JWTs. A token bound to a resource the caller does not serve is inactive to it (RFC 7662
 * §4); an identity provider or store that cannot answer is {@code temporarily_unavailable}, never
 * "inactive", so a resource server cannot mistake an outage for a revocation or the reverse.
 */
public final class IntrospectToken {
    /** Longer than any credential Latchkey issues or accepts; anything longer is inactive unread. */
    static final int MAX_TOKEN_LENGTH = 8192;

    private final ResourceServers servers;
    private final AuthenticateRequest authenticate;

    public IntrospectToken(ResourceServers servers, AuthenticateRequest authenticate) {
        this.servers = servers;
        this.authenticate = authenticate;
    }

    /**
     * @throws OAuthFailure {@code invalid_client} unless the caller is a registered resource server,
     *     {@code invalid_request} without a token, {@code temporarily_unavailable} when the answer
     *     cannot be known now
     */
    public Introspection introspect(ClientCredentials caller, Optional<String> token) {
        ResourceServer server = servers.authenticate(caller);
        String value = token.filter(t -> !t.isEmpty())
                .orElseThrow(() -> new OAuthFailure(OAuthError.INVALID_REQUEST, "token is required"));
        if (value.length() > MAX_TOKEN_LENGTH || !printable(value)) {
            return Introspection.INACTIVE;
        }
        Principal principal;
        try {
            principal = authenticate.authenticate(Optional.of(new PresentedCredential.Bearer(value)));
        } catch (AuthFailure failure) {
            if (failure.error().kind() == AuthError.Kind.UNAVAILABLE) {
                throw new OAuthFailure(
                        OAuthError.TEMPORARILY_UNAVAILABLE,
                        "Whether this token is active cannot be known now; try again shortly");
            }
            return Introspection.INACTIVE;
        }
        if (principal.audience().isPresent()
                && !server.serves(principal.audience().get())) {
            return Introspection.INACTIVE;
        }
        return Introspection.active(principal);
    }

    /** Visible ASCII only: every credential is; anything else is nobody's token. */
    private static boolean printable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }
}
