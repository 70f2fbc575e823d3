package dev.latchkey.domain.oauth;

import dev.latchkey.domain.auth.FailedAttemptLimiter;
import dev.latchkey.domain.common.Base62;
import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.scope.ScopeSet;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Dynamic client registration (RFC 7591). Open, as MCP clients need it to be, so it is limited per
 * client address; clients that never obtain a token are deleted after an idle period elsewhere.
 * Public clients ({@code none}) get no secret; confidential ones get a secret shown once and kept
 * as its SHA-256.
 */
public final class RegisterClient {
    static final String AUTHORIZATION_CODE = "authorization_code";
    static final String REFRESH_TOKEN = "refresh_token";
    private static final Set<String> GRANT_TYPES = Set.of(AUTHORIZATION_CODE, REFRESH_TOKEN);
    private static final int MAX_NAME_LENGTH = 200;
    private static final int MAX_REDIRECT_URIS = 20;
    private static final int SECRET_LENGTH = 43;

    private final OAuthClientStore clients;
    private final FailedAttemptLimiter registrationsPerAddress;
    private final ScopeSet supportedScopes;
    private final IdGenerator ids;
    private final SecureRandom random;
    private final Clock clock;

    /**
     * @param registrationsPerAddress counts registrations per client address (each one is an
     *     "attempt"); an address that reaches its limit waits out the window
     */
    public RegisterClient(
            OAuthClientStore clients,
            FailedAttemptLimiter registrationsPerAddress,
            ScopeSet supportedScopes,
            IdGenerator ids,
            SecureRandom random,
            Clock clock) {
        this.clients = clients;
        this.registrationsPerAddress = registrationsPerAddress;
        this.supportedScopes = supportedScopes;
        this.ids = ids;
        this.random = random;
        this.clock = clock;
    }

    public RegisteredClient register(ClientRegistration request, String clientAddress) {
        registrationsPerAddress.retryAfter(clientAddress).ifPresent(wait -> {
            throw OAuthFailure.throttled("Too many client registrations from this address", wait);
        });
        if (request.redirectUris().isEmpty()) {
            throw new OAuthFailure(OAuthError.INVALID_REDIRECT_URI, "redirect_uris must name at least one URI");
        }
        if (request.redirectUris().size() > MAX_REDIRECT_URIS) {
            throw new OAuthFailure(OAuthError.INVALID_REDIRECT_URI, "at most " + MAX_REDIRECT_URIS + " redirect_uris");
        }
        for (String uri : request.redirectUris()) {
            RedirectUris.problemWith(uri).ifPresent(problem -> {
                throw new OAuthFailure(OAuthError.INVALID_REDIRECT_URI, problem);
            });
        }
        // RFC 7591 §2: client_secret_basic when the client says nothing.
        String methodName = request.tokenEndpointAuthMethod().orElse(ClientAuthMethod.CLIENT_SECRET_BASIC.wireName());
        // private_key_jwt is for machine clients an admin creates with their keys, not for strangers.
        ClientAuthMethod method = ClientAuthMethod.fromWire(methodName)
                .filter(m -> m != ClientAuthMethod.PRIVATE_KEY_JWT)
                .orElseThrow(() -> invalidMetadata(
                        "token_endpoint_auth_method must be none, client_secret_post or client_secret_basic"));
        List<String> grantTypes = request.grantTypes().orElse(List.of(AUTHORIZATION_CODE, REFRESH_TOKEN));
        if (!grantTypes.contains(AUTHORIZATION_CODE) || !GRANT_TYPES.containsAll(grantTypes)) {
            throw invalidMetadata("grant_types must include authorization_code and may add refresh_token only");
        }
        List<String> responseTypes = request.responseTypes().orElse(List.of("code"));
        if (!responseTypes.equals(List.of("code"))) {
            throw invalidMetadata("response_types must be [\"code\"]");
        }
        Optional<String> name = request.clientName().map(String::strip).filter(n -> !n.isEmpty());
        if (name.filter(n -> n.length() > MAX_NAME_LENGTH || n.chars().anyMatch(Character::isISOControl))
                .isPresent()) {
            throw invalidMetadata("client_name must be at most " + MAX_NAME_LENGTH + " printable characters");
        }
        // The registered scope keeps the words this server offers; the response shows what was kept.
        Optional<String> scope = request.scope()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(this::offered)
                .filter(s -> !s.isEmpty());

        Optional<String> secret =
                method.usesSecret() ? Optional.of(Base62.random(random, SECRET_LENGTH)) : Optional.empty();
        OAuthClient client = new OAuthClient(
                ids.newId("client"),
                secret.map(TokenHashes::of),
                method,
                name,
                request.redirectUris(),
                scope,
                clock.instant(),
                Optional.empty());
        clients.insert(client);
        registrationsPerAddress.recordFailure(clientAddress);
        return new RegisteredClient(client, secret, grantTypes, responseTypes);
    }

    private String offered(String scope) {
        try {
            return ScopeWords.offered(scope, supportedScopes).toSpaceSeparated();
        } catch (IllegalArgumentException e) {
            throw invalidMetadata("scope: " + e.getMessage());
        }
    }

    private static OAuthFailure invalidMetadata(String description) {
        return new OAuthFailure(OAuthError.INVALID_CLIENT_METADATA, description);
    }
}
