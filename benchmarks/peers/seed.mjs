// Seeds Latchkey for the side-by-side run: a person with a workspace, an OAuth token for the
// introspected MCP resource of examples/mcp-server/latchkey.yml (through the real sign-in and consent
// pages), and a machine client (client_credentials) the person created. Prints them as JSON.
import { createHash, randomBytes } from 'node:crypto';
import { approveInBrowserlessSession, newPerson } from '../../e2e/mcp-oauth/person.mjs';

const [base, resource] = process.argv.slice(2);
const person = await newPerson(base, 'bench-peers');
const callback = 'http://127.0.0.1:43117/callback';
const client = await (await fetch(`${base}/oauth/register`, { method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ client_name: 'bench', redirect_uris: [callback], token_endpoint_auth_method: 'none' }) })).json();
const verifier = randomBytes(32).toString('base64url');
const authorize = new URL(`${base}/oauth/authorize`);
Object.entries({ response_type: 'code', client_id: client.client_id, redirect_uri: callback, state: 's', resource,
  code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256' })
  .forEach(([k, v]) => authorize.searchParams.set(k, v));
const back = await approveInBrowserlessSession(base, authorize, person, 'bench');
const tokens = await (await fetch(`${base}/oauth/token`, { method: 'POST', body: new URLSearchParams({
  grant_type: 'authorization_code', code: back.searchParams.get('code'), redirect_uri: callback,
  client_id: client.client_id, code_verifier: verifier }) })).json();

const login = await (await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: person.email, password: person.password }) })).json();
const machine = await (await fetch(`${base}/oauth/clients`, { method: 'POST',
  headers: { authorization: `Bearer ${login.access_token}`, 'content-type': 'application/json' },
  body: JSON.stringify({ name: 'bench machine', scopes: ['records:read'] }) })).json();
console.log(JSON.stringify({ oauth_token: tokens.access_token, client_id: machine.client_id, client_secret: machine.client_secret }));
