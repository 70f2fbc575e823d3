package dev.latchkey.crypto;

import dev.latchkey.domain.oauth.JwtAccessTokenClaims;
import dev.latchkey.domain.oauth.JwtAccessTokenSigner;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * The OAuth server's RFC 9068 JWT access tokens, signed RS256 by the shared {@link
 * WorkloadSigningKeys} ring (one JWK Set for everything Latchkey signs): {@code iss} the
 * authorization server, {@code aud} the one resource, {@code sub} the person (or, for a machine client's own token, the client), {@code client_id},
 * {@code scope}, {@code jti}, {@code iat}, {@code exp}, and the workspace as {@code tenant_id}, the
 * name workload tokens use for it.
 */
public final class Rs256JwtAccessTokenSigner implements JwtAccessTokenSigner {
    static final String TYPE = "at+jwt";

    private final WorkloadSigningKeys keys;
    private final String issuer;

    public Rs256JwtAccessTokenSigner(WorkloadSigningKeys keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    @Override
    public String sign(JwtAccessTokenClaims claims) {
        JwtClaims jwt = new JwtClaims();
        jwt.setIssuer(issuer);
        jwt.setAudience(claims.resource());
        jwt.setSubject(claims.subject());
        jwt.setClaim("client_id", claims.clientId());
        jwt.setClaim("scope", claims.scopes().toSpaceSeparated());
        jwt.setClaim("tenant_id", claims.workspaceId());
        jwt.setJwtId(claims.tokenId());
        jwt.setIssuedAt(NumericDate.fromSeconds(claims.issuedAt().getEpochSecond()));
        jwt.setExpirationTime(NumericDate.fromSeconds(claims.expiresAt().getEpochSecond()));
        return keys.sign(jwt, TYPE);
    }
}
