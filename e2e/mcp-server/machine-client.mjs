// Machine clients through the MCP SDK's own client_credentials providers against examples/mcp-server:
// a workspace admin creates two machine clients in Latchkey — one with a secret, one with its public
// key — and the SDK's ClientCredentialsProvider and PrivateKeyJwtProvider (RFC 7523) each discover
// Latchkey through the MCP server, obtain a token for it and call a tool as that client.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ClientCredentialsProvider, PrivateKeyJwtProvider } from '@modelcontextprotocol/sdk/client/auth-extensions.js';
import { newPerson } from '../mcp-oauth/person.mjs';

const [base, mcpUrl] = process.argv.slice(2);
assert.ok(base && mcpUrl, 'usage: machine-client.mjs LATCHKEY MCP_URL');

async function signedIn(label) {
  const person = await newPerson(base, label);
  const response = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: person.email, password: person.password }) });
  assert.equal(response.status, 200, 'the admin signs in');
  return (await response.json()).access_token;
}

async function createClient(adminToken, body) {
  const response = await fetch(`${base}/oauth/clients`, { method: 'POST', body: JSON.stringify(body),
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' } });
  const created = await response.json();
  assert.equal(response.status, 201, JSON.stringify(created));
  return created;
}

async function whoamiThrough(provider) {
  const client = new Client({ name: 'latchkey-e2e-machine', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider }));
  const result = await client.callTool({ name: 'whoami', arguments: {} });
  await client.close();
  return JSON.parse(result.content[0].text);
}

const admin = await signedIn('machine-admin');

const withSecret = await createClient(admin, { name: 'nightly export', scopes: ['records:read'] });
const bySecret = await whoamiThrough(new ClientCredentialsProvider({
  clientId: withSecret.client_id, clientSecret: withSecret.client_secret, expectedIssuer: base }));
assert.equal(bySecret.clientId, withSecret.client_id, 'the MCP server sees the machine client');
assert.equal(bySecret.sub, withSecret.client_id, 'and it acts as itself (RFC 9068 §2.2: sub is the client)');
assert.equal(bySecret.resource, mcpUrl);

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'e2e-1', use: 'sig', alg: 'RS256' };
const withKey = await createClient(admin, { name: 'deployer', scopes: ['records:read'],
  token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [jwk] } });
assert.equal(withKey.client_secret, undefined, 'a key client has no secret');
const byKey = await whoamiThrough(new PrivateKeyJwtProvider({
  clientId: withKey.client_id, privateKey: privateKey.export({ format: 'jwk' }), algorithm: 'RS256', expectedIssuer: base }));
assert.equal(byKey.clientId, withKey.client_id);
assert.deepEqual(byKey.scopes, ['records:read']);
console.log(`mcp sdk machine clients -> example server (${byKey.check}): client_credentials by secret and by private_key_jwt`);
