// Seeds Latchkey for the side-by-side run: a person with a workspace, an OAuth token for the
// introspected MCP resource of examples/mcp-server/latchkey.yml (through the real sign-in and consent
// pages), a machine client (client_credentials) the person created, and what a delegated workload
// presents to get its token (a workload, its approved policy and a grant). Prints them as JSON.
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
async function call(path, body) {
  const response = await fetch(`${base}${path}`, { method: 'POST', body: JSON.stringify(body),
    headers: { authorization: `Bearer ${login.access_token}`, 'content-type': 'application/json' } });
  if (!response.ok) throw new Error(`${path} -> ${response.status} ${await response.text()}`);
  return response.json();
}
const workload = await call('/internal/auth/workloads', { name: 'bench agent' });
const policy = await call('/internal/auth/workload-policies', { workload_id: workload.id, scopes: ['records:read'] });
await call(`/internal/auth/workload-policies/${policy.id}/approve`, {});
const { grant } = await call('/internal/auth/delegation-grants', { workload_id: workload.id, scopes: ['records:read'] });
console.log(JSON.stringify({ oauth_token: tokens.access_token, client_id: machine.client_id, client_secret: machine.client_secret,
  workload_mint: { workload_id: workload.id, workload_secret: workload.secret, grant_id: grant.id } }));
