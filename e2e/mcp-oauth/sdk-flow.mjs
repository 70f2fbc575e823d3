// The official MCP TypeScript SDK's client-side OAuth (auth() with a headless OAuthClientProvider)
// against a running Latchkey: discovery, dynamic registration, authorization with PKCE, consent,
// code exchange, an authenticated call, and a refresh with rotation, for one
// token_endpoint_auth_method given as the second argument.
import assert from 'node:assert/strict';
import { auth } from '@modelcontextprotocol/sdk/client/auth.js';
import { approveInBrowserlessSession, newPerson } from './person.mjs';

const [base, method] = process.argv.slice(2);
assert.ok(base && ['none', 'client_secret_post', 'client_secret_basic'].includes(method), 'usage: sdk-flow.mjs BASE METHOD');
const clientName = `MCP SDK e2e (${method})`;

class HeadlessProvider {
  constructor() { this.stored = {}; }
  get redirectUrl() { return 'http://127.0.0.1:43117/callback'; }
  get clientMetadata() {
    return {
      client_name: clientName, redirect_uris: [this.redirectUrl], grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'], token_endpoint_auth_method: method,
    };
  }
  state() { return this.stored.state ??= `state-${Math.random().toString(36).slice(2)}`; }
  clientInformation() { return this.stored.client; }
  saveClientInformation(client) { this.stored.client = client; }
  tokens() { return this.stored.tokens; }
  saveTokens(tokens) { this.stored.tokens = tokens; }
  redirectToAuthorization(url) { this.stored.authorizationUrl = url; }
  saveCodeVerifier(verifier) { this.stored.verifier = verifier; }
  codeVerifier() { return this.stored.verifier; }
  invalidateCredentials(scope) { throw new Error(`the SDK gave up on its credentials (${scope})`); }
}

async function whoami(token) {
  const response = await fetch(`${base}/whoami`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json() };
}

const person = await newPerson(base, `mcp-${method.replaceAll('_', '-')}`);
const provider = new HeadlessProvider();
const serverUrl = `${base}/`;

assert.equal(await auth(provider, { serverUrl }), 'REDIRECT', 'discovery and registration lead to a redirect');
const client = provider.clientInformation();
assert.equal(client.token_endpoint_auth_method, method);
assert.equal(client.client_secret !== undefined, method !== 'none', 'a secret exactly for confidential clients');

const authorizationUrl = provider.stored.authorizationUrl;
assert.equal(authorizationUrl.searchParams.get('code_challenge_method'), 'S256');
const back = await approveInBrowserlessSession(base, authorizationUrl, person, clientName);
assert.equal(`${back.origin}${back.pathname}`, provider.redirectUrl);
assert.equal(back.searchParams.get('state'), provider.state(), 'state comes back unchanged');
assert.equal(back.searchParams.get('iss'), base, 'RFC 9207 iss names the issuer');
const code = back.searchParams.get('code');
assert.ok(code, `a code in ${back}`);

assert.equal(await auth(provider, { serverUrl, authorizationCode: code }), 'AUTHORIZED');
const first = provider.tokens();
assert.ok(first.access_token.startsWith('lk_oat_') && first.refresh_token.startsWith('lk_ort_'));
assert.equal(first.token_type, 'Bearer');
const me = await whoami(first.access_token);
assert.equal(me.status, 200, JSON.stringify(me.body));
assert.equal(me.body.credential_kind, 'oauth');

assert.equal(await auth(provider, { serverUrl }), 'AUTHORIZED', 'with a refresh token the SDK refreshes');
const second = provider.tokens();
assert.notEqual(second.access_token, first.access_token, 'a new access token');
assert.notEqual(second.refresh_token, first.refresh_token, 'the refresh token rotated');
assert.equal((await whoami(second.access_token)).status, 200);

console.log(`mcp sdk (${method}): discovery, registration, consent, code exchange, call and refresh all hold`);
