// The glue between the MCP SDK's requireBearerAuth and Latchkey: two token verifiers, one per way a
// resource server may check a token. Both answer the SDK's AuthInfo from the standard claims.
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { InvalidTokenError, ServerError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

type Claims = JWTPayload & { client_id?: string; scope?: string; tenant_id?: string; active?: boolean };
const authInfo = (token: string, c: Claims): AuthInfo => ({
  token, clientId: c.client_id ?? c.sub ?? '', scopes: c.scope?.split(' ').filter(Boolean) ?? [], expiresAt: c.exp,
  resource: typeof c.aud === 'string' ? new URL(c.aud) : undefined, extra: { sub: c.sub, tenant: c.tenant_id },
});

/** RFC 7662: ask Latchkey about every token; a revocation shows on the next request. */
export const introspecting = (issuer: string, clientId: string, secret: string): OAuthTokenVerifier => ({
  async verifyAccessToken(token) {
    const response = await fetch(`${issuer}/oauth/introspect`, { method: 'POST', body: new URLSearchParams({ token }),
      headers: { authorization: `Basic ${btoa(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`)}` },
      signal: AbortSignal.timeout(3000) });
    if (!response.ok) throw new ServerError(`Latchkey's introspection answered ${response.status}`);
    const claims: Claims = await response.json();
    if (!claims.active) throw new InvalidTokenError('The token is not active');
    return authInfo(token, claims);
  },
});

/** RFC 9068: check the signature with Latchkey's published keys; no call per request, revocation at exp. */
export const verifyingJwts = (issuer: string, resource: string): OAuthTokenVerifier => {
  const keys = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`), { timeoutDuration: 3000 });
  return { async verifyAccessToken(token) {
    const verified = await jwtVerify<Claims>(token, keys, { issuer, audience: resource, typ: 'at+jwt', algorithms: ['RS256'] })
      .catch(() => { throw new InvalidTokenError('The token is not valid here'); });
    return authInfo(token, verified.payload);
  } };
};
