package dev.latchkey.domain.oauth;

import java.time.Clock;
import java.time.Instant;

/**
 * Exchanges an authorization code (RFC 6749 §4.1.3, RFC 7636 §4.6). The code is burnt by the first
 * attempt whatever its outcome; a second redemption means the code leaked, so the tokens the first
 * produced are revoked (RFC 6749 §4.1.2).
 */
public final class AuthorizationCodeGrant implements TokenGrant {
    private final AuthorizationCodeStore codes;
    private final OAuthTokenIssuer issuer;
    private final OAuthRevocations revocations;
    private final ProtectedResources resources;
    private final Clock clock;

    public AuthorizationCodeGrant(
            AuthorizationCodeStore codes,
            OAuthTokenIssuer issuer,
            OAuthRevocations revocations,
            ProtectedResources resources,
            Clock clock) {
        this.codes = codes;
        this.issuer = issuer;
        this.revocations = revocations;
        this.resources = resources;
        this.clock = clock;
    }

    @Override
    public String grantType() {
        return RegisterClient.AUTHORIZATION_CODE;
    }

    @Override
    public IssuedTokens grant(OAuthClient client, TokenRequest request) {
        String presentedCode = request.required(request.code(), "code");
        String verifier = request.required(request.codeVerifier(), "code_verifier");
        Instant now = clock.instant();
        String familyId = issuer.newFamilyId();
        AuthorizationCodeStore.Redemption redemption = codes.redeem(TokenHashes.of(presentedCode), familyId, now)
                .orElseThrow(() -> invalidGrant("The authorization code is not valid"));
        if (!redemption.isFirst()) {
            revocations.revokeFamily(redemption.earlierFamilyId().orElseThrow());
            throw invalidGrant("The authorization code was already used; the tokens issued for it are revoked");
        }
        AuthorizationCode code = redemption.code();
        if (!now.isBefore(code.expiresAt())) {
            throw invalidGrant("The authorization code has expired");
        }
        if (!code.clientId().equals(client.clientId())) {
            throw invalidGrant("The authorization code was issued to another client");
        }
        if (!request.redirectUri().filter(code.redirectUri()::equals).isPresent()) {
            throw invalidGrant("redirect_uri must be the one the authorization request used");
        }
        if (!Pkce.verifierMatches(verifier, code.codeChallenge())) {
            throw invalidGrant("code_verifier does not match the code_challenge");
        }
        if (request.resource().isPresent()
                && !resources
                        .find(request.resource().get())
                        .filter(code.resource()::equals)
                        .isPresent()) {
            throw new OAuthFailure(OAuthError.INVALID_TARGET, "resource differs from the one that was authorized");
        }
        return issuer.issue(familyId, client, code.userId(), code.workspaceId(), code.scopes(), code.resource());
    }

    private static OAuthFailure invalidGrant(String description) {
        return new OAuthFailure(OAuthError.INVALID_GRANT, description);
    }
}
