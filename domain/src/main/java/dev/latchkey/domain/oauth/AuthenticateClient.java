package dev.latchkey.domain.oauth;

import dev.latchkey.domain.auth.JwtShape;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.token.RevokedTokenStore;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Client authentication at the token and revocation endpoints (RFC 6749 §2.3). A confidential
 * client must present its secret, by Basic or in the body (both are accepted whichever it
 * registered: clients are inconsistent about it, and either proves possession); a {@code
 * private_key_jwt} client a signed assertion (RFC 7523 §2.2), each {@code jti} accepted once; a
 * public client presents its id only and is bound by PKCE instead. Nobody authenticates by a method
 * other than the one its client has: a secret client's assertion, or a key client's secret, is refused.
 */
public final class AuthenticateClient {
    private final OAuthClients clients;
    private final Optional<ClientAssertions> assertions;
    private final Optional<RevokedTokenStore> spentAssertions;
    private final List<String> audiences;
    private final Clock clock;

    /** Without private_key_jwt: secrets and public clients only. */
    public AuthenticateClient(OAuthClients clients) {
        this.clients = clients;
        this.assertions = Optional.empty();
        this.spentAssertions = Optional.empty();
        this.audiences = List.of();
        this.clock = Clock.systemUTC();
    }

    /**
     * @param spentAssertions where each accepted assertion's {@code jti} is kept until it expires
     * @param audiences what an assertion's {@code aud} may name (the issuer, the token endpoint)
     */
    public AuthenticateClient(
            OAuthClients clients,
            ClientAssertions assertions,
            RevokedTokenStore spentAssertions,
            List<String> audiences,
            Clock clock) {
        this.clients = clients;
        this.assertions = Optional.of(assertions);
        this.spentAssertions = Optional.of(spentAssertions);
        this.audiences = List.copyOf(audiences);
        this.clock = clock;
    }

    /** @throws OAuthFailure {@code invalid_client} (a 401) when the client is unknown or its proof wrong */
    public OAuthClient authenticate(ClientCredentials presented) {
        // RFC 7523 §3: with an assertion, client_id may be left out; the assertion's iss names the client.
        String clientId = presented
                .clientId()
                .or(() -> presented.assertion().flatMap(JwtShape::unverifiedIssuer))
                .filter(id -> !id.isEmpty())
                .orElseThrow(() -> invalid("The request does not identify the client"));
        OAuthClient client = clients.find(clientId).orElseThrow(() -> invalid("Unknown client; register again"));
        if (client.authMethod() == ClientAuthMethod.PRIVATE_KEY_JWT) {
            requireAssertion(client, presented);
        } else if (presented.assertion().isPresent()) {
            throw invalid("This client is registered to authenticate with "
                    + client.authMethod().wireName() + ", not with an assertion");
        } else if (client.authMethod().usesSecret()) {
            String secret =
                    presented.secret().orElseThrow(() -> invalid("This client must authenticate with its secret"));
            if (!TokenHashes.same(TokenHashes.of(secret), client.secretHash().orElseThrow())) {
                throw invalid("Client authentication failed");
            }
        } else if (presented.secret().isPresent()) {
            throw invalid("This client is registered as public and has no secret");
        }
        return client;
    }

    private void requireAssertion(OAuthClient client, ClientCredentials presented) {
        if (presented.secret().isPresent()) {
            throw invalid("This client authenticates with private_key_jwt, not a secret");
        }
        String assertion = presented
                .assertion()
                .orElseThrow(() -> invalid("This client must authenticate with a signed client_assertion"));
        ClientAssertions verifier = assertions.orElseThrow(() -> invalid("private_key_jwt is not enabled here"));
        ClientAssertions.Verified verified =
                verifier.verify(assertion, client.clientId(), client.jwks().orElseThrow(), audiences);
        if (!verified.expiresAt().isAfter(clock.instant())) {
            throw invalid("The client assertion has expired");
        }
        if (!spentAssertions
                .orElseThrow()
                .revokeOnce(spentKey(client, verified.jti()), "client", verified.expiresAt())) {
            throw invalid("This client assertion was already used; sign a new one with a fresh jti");
        }
    }

    /** A fixed-length key per client and jti: both come from the caller, so neither is stored as given. */
    private static String spentKey(OAuthClient client, String jti) {
        byte[] digest = new byte[32];
        VerificationCache.fingerprint(client.clientId() + "\n" + jti)
                .duplicate()
                .get(digest);
        return "ca_" + HexFormat.of().formatHex(digest).substring(0, 61);
    }

    private static OAuthFailure invalid(String description) {
        return new OAuthFailure(OAuthError.INVALID_CLIENT, description);
    }
}
