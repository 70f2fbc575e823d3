package dev.latchkey.domain.oauth;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The token endpoint: authenticates the client, then hands the request to its grant type. */
public final class IssueOAuthTokens {
    private final AuthenticateClient authenticateClient;
    private final Map<String, TokenGrant> grants;

    public IssueOAuthTokens(AuthenticateClient authenticateClient, List<TokenGrant> grants) {
        this.authenticateClient = authenticateClient;
        this.grants = grants.stream().collect(Collectors.toUnmodifiableMap(TokenGrant::grantType, Function.identity()));
    }

    public IssuedTokens issue(ClientCredentials credentials, TokenRequest request) {
        String grantType = request.required(request.grantType(), "grant_type");
        TokenGrant grant = grants.get(grantType);
        if (grant == null) {
            throw new OAuthFailure(
                    OAuthError.UNSUPPORTED_GRANT_TYPE,
                    "grant_type must be one of " + String.join(", ", new java.util.TreeSet<>(grants.keySet())));
        }
        return grant.grant(authenticateClient.authenticate(credentials), request);
    }
}
