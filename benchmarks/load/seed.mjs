// Creates one credential of each kind against a running Latchkey and prints them as JSON.
import { createHash, randomBytes } from 'node:crypto';
import { approveInBrowserlessSession } from '../../e2e/mcp-oauth/person.mjs';

const base = process.argv[2];
async function call(method, path, body, token) {
  const response = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status} ${text}`);
  return text ? JSON.parse(text) : {};
}
const email = `bench-${Date.now()}@example.com`;
const { access_token: signup } = await call('POST', '/auth/register', { email, password: 'correct horse battery staple' });
const boot = await call('POST', '/workspaces/bootstrap', {}, signup);
const workload = await call('POST', '/internal/auth/workloads', { name: 'bench agent' }, boot.access_token);
const policy = await call('POST', '/internal/auth/workload-policies', { workload_id: workload.id, scopes: ['records:read'] }, boot.access_token);
await call('POST', `/internal/auth/workload-policies/${policy.id}/approve`, {}, boot.access_token);
const { grant } = await call('POST', '/internal/auth/delegation-grants', { workload_id: workload.id, scopes: ['records:read'] }, boot.access_token);
const wt = await call('POST', '/internal/auth/workload-token', { workload_id: workload.id, workload_secret: workload.secret, grant_id: grant.id });
const key = boot.api_key;
const badChecksum = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');

// An OAuth access token, through registration, sign-in, consent and the code exchange.
const redirect = 'http://127.0.0.1:43117/callback';
const client = await call('POST', '/oauth/register', { client_name: 'bench', redirect_uris: [redirect], token_endpoint_auth_method: 'none' });
const verifier = randomBytes(32).toString('base64url');
const authorize = new URL(`${base}/oauth/authorize`);
Object.entries({ response_type: 'code', client_id: client.client_id, redirect_uri: redirect, state: 's',
  code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256' })
  .forEach(([name, value]) => authorize.searchParams.set(name, value));
const back = await approveInBrowserlessSession(base, authorize, { email, password: 'correct horse battery staple' }, 'bench');
const exchanged = await fetch(`${base}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code',
  code: back.searchParams.get('code'), redirect_uri: redirect, client_id: client.client_id, code_verifier: verifier }) });
const oauth = await exchanged.json();

console.log(JSON.stringify({ api_key: key, user_jwt: boot.access_token, workload_token: wt.access_token, bad_key: badChecksum,
  workload_mint: { workload_id: workload.id, workload_secret: workload.secret, grant_id: grant.id },
  oauth_token: oauth.access_token, unknown_oauth_token: `lk_oat_${randomBytes(32).toString('base64url').replace(/[-_]/g, 'x')}` }));
