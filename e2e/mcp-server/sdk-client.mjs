// The official MCP TypeScript SDK's client against examples/mcp-server: it discovers Latchkey from
// the MCP server's own RFC 9728 metadata, registers, is approved, calls a tool, and then sees what a
// revocation does under the server's way of checking (introspection: at once; JWT: at expiry).
import assert from 'node:assert/strict';
import { auth } from '@modelcontextprotocol/sdk/client/auth.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { approveInBrowserlessSession, newPerson } from '../mcp-oauth/person.mjs';

const [base, mcpUrl, check] = process.argv.slice(2);
assert.ok(base && mcpUrl && ['introspection', 'jwt'].includes(check), 'usage: sdk-client.mjs LATCHKEY MCP_URL CHECK');
const clientName = `MCP SDK e2e against the ${check} server`;

class HeadlessProvider {
  constructor() { this.stored = {}; }
  get redirectUrl() { return 'http://127.0.0.1:43118/callback'; }
  get clientMetadata() {
    return { client_name: clientName, redirect_uris: [this.redirectUrl], grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'], token_endpoint_auth_method: 'none' };
  }
  state() { return this.stored.state ??= `state-${Math.random().toString(36).slice(2)}`; }
  clientInformation() { return this.stored.client; }
  saveClientInformation(client) { this.stored.client = client; }
  tokens() { return this.stored.tokens; }
  saveTokens(tokens) { this.stored.tokens = tokens; }
  redirectToAuthorization(url) { this.stored.authorizationUrl = url; }
  saveCodeVerifier(verifier) { this.stored.verifier = verifier; }
  codeVerifier() { return this.stored.verifier; }
  invalidateCredentials(scope) { this.stored.invalidated = scope; }
}

async function callWhoami(provider) {
  const client = new Client({ name: 'latchkey-e2e', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider }));
  const result = await client.callTool({ name: 'whoami', arguments: {} });
  await client.close();
  return JSON.parse(result.content[0].text);
}

async function rawCall(token) {
  return fetch(mcpUrl, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json',
    accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18',
      capabilities: {}, clientInfo: { name: 'raw', version: '1' } } }) });
}

const unauthenticated = await rawCall('lk_oat_not-a-token');
assert.equal(unauthenticated.status, 401);
assert.match(unauthenticated.headers.get('www-authenticate'), /resource_metadata="[^"]*\/\.well-known\/oauth-protected-resource\/mcp"/);

const person = await newPerson(base, `mcp-server-${check}`);
const provider = new HeadlessProvider();
assert.equal(await auth(provider, { serverUrl: mcpUrl }), 'REDIRECT', 'discovery through the MCP server leads to Latchkey');
const authorizationUrl = provider.stored.authorizationUrl;
assert.equal(authorizationUrl.origin, base, 'the MCP server named Latchkey as its authorization server');
assert.equal(authorizationUrl.searchParams.get('resource'), mcpUrl, 'the token is asked for this MCP server');
const back = await approveInBrowserlessSession(base, authorizationUrl, person, clientName);
assert.equal(await auth(provider, { serverUrl: mcpUrl, authorizationCode: back.searchParams.get('code') }), 'AUTHORIZED');

const access = provider.tokens().access_token;
assert.equal(access.split('.').length === 3, check === 'jwt', check === 'jwt' ? 'a JWT access token' : 'an opaque token');
const seen = await callWhoami(provider);
assert.equal(seen.clientId, provider.clientInformation().client_id, 'the server knows the client from the token');
assert.equal(seen.resource, mcpUrl);
assert.deepEqual(seen.scopes, ['records:read']);
assert.ok(seen.tenant && seen.sub, `tenant and subject: ${JSON.stringify(seen)}`);

const revoked = await fetch(`${base}/oauth/revoke`, { method: 'POST',
  body: new URLSearchParams({ token: access, client_id: provider.clientInformation().client_id }) });
assert.equal(revoked.status, 200);
const afterRevocation = await rawCall(access);
if (check === 'introspection') {
  assert.equal(afterRevocation.status, 401, 'an introspecting server refuses a revoked token on the next request');
} else {
  assert.equal(afterRevocation.status, 200, 'a JWT-checking server accepts a revoked token until it expires (docs/oauth-mcp.md)');
}
console.log(`mcp sdk client -> example server (${check}): discovery via the server, consent, tool call with client, resource and scopes; revocation ${check === 'jwt' ? 'waits for exp' : 'at once'}`);
