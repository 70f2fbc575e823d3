// An independent implementation of the standards — panva's oauth4webapi — checks what Latchkey serves
// to resource servers: the RFC 8414 authorization server metadata, the RFC 9728 metadata of Latchkey's
// API and of the example MCP server, RFC 7662 introspection as the registered resource server, and an
// RFC 9068 JWT access token for the JWT resource (signature from jwks_uri, typ, iss, aud, exp).
import assert from 'node:assert/strict';
import * as oauth from 'oauth4webapi';
import { approveInBrowserlessSession, newPerson } from '../mcp-oauth/person.mjs';

const [base, introspected, jwtResource, secret] = process.argv.slice(2);
assert.ok(base && introspected && jwtResource && secret, 'usage: standards.mjs LATCHKEY MCP_INTROSPECTION MCP_JWT SECRET');
const allowHttp = { [oauth.allowInsecureRequests]: true };
const issuer = new URL(base);

const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { ...allowHttp, algorithm: 'oauth2' }));
assert.equal(as.introspection_endpoint, `${base}/oauth/introspect`);
assert.equal(as.jwks_uri, `${base}/.well-known/jwks.json`);
for (const resource of [base, introspected]) {
  const metadata = await oauth.processResourceDiscoveryResponse(
    new URL(resource), await oauth.resourceDiscoveryRequest(new URL(resource), allowHttp));
  assert.deepEqual(metadata.authorization_servers, [base], `${resource} names Latchkey`);
}

async function tokenFor(resource) {
  const person = await newPerson(base, 'standards');
  const callback = 'http://127.0.0.1:43117/callback';
  const registered = await (await fetch(as.registration_endpoint, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_name: 'oauth4webapi', redirect_uris: [callback], token_endpoint_auth_method: 'none' }) })).json();
  const client = { client_id: registered.client_id };
  const verifier = oauth.generateRandomCodeVerifier();
  const url = new URL(as.authorization_endpoint);
  Object.entries({ response_type: 'code', client_id: client.client_id, redirect_uri: callback, state: 's', resource,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256' })
    .forEach(([k, v]) => url.searchParams.set(k, v));
  const back = await approveInBrowserlessSession(base, url, person, 'oauth4webapi');
  const params = oauth.validateAuthResponse(as, client, back, 's');
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, callback, verifier,
    { ...allowHttp, additionalParameters: { resource } });
  return { client, tokens: await oauth.processAuthorizationCodeResponse(as, client, response) };
}

const { client: mcpClient, tokens: opaque } = await tokenFor(introspected);
const resourceServer = { client_id: 'example-mcp-server' };
const introspection = await oauth.processIntrospectionResponse(as, resourceServer, await oauth.introspectionRequest(
  as, resourceServer, oauth.ClientSecretBasic(secret), opaque.access_token, allowHttp));
assert.equal(introspection.active, true);
assert.equal(introspection.client_id, mcpClient.client_id);
assert.equal(introspection.aud, introspected);
assert.equal(introspection.token_type, 'Bearer');

const { client: jwtClient, tokens: jwt } = await tokenFor(jwtResource);
const request = new Request(jwtResource, { headers: { authorization: `Bearer ${jwt.access_token}` } });
const claims = await oauth.validateJwtAccessToken(as, request, jwtResource, allowHttp);
assert.equal(claims.client_id, jwtClient.client_id);
assert.ok(claims.sub && claims.jti && claims.iat && claims.exp);
console.log('oauth4webapi: RFC 8414 and 9728 metadata, RFC 7662 introspection and an RFC 9068 JWT access token all validate');
