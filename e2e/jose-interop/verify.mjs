// Drives a running Latchkey through a full delegation (register, bootstrap, workload, policy, grant,
// workload token), then verifies the token with panva/jose against /.well-known/jwks.json — an
// implementation that shares no code with Latchkey. Exits non-zero on any mismatch.
import { createRemoteJWKSet, jwtVerify, decodeProtectedHeader } from 'jose';

const base = process.argv[2];
if (!base) {
  console.error('usage: node verify.mjs http://127.0.0.1:PORT');
  process.exit(2);
}

async function call(method, path, body, token) {
  const response = await fetch(base + path, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} -> ${response.status} ${text}`);
  }
  return text ? JSON.parse(text) : {};
}

const email = `jose-${Date.now()}@example.com`;
const { access_token: signup } = await call('POST', '/auth/register', { email, password: 'correct horse battery staple' });
const { access_token: owner } = await call('POST', '/workspaces/bootstrap', {}, signup);
const workload = await call('POST', '/internal/auth/workloads', { name: 'jose interop' }, owner);
const policy = await call('POST', '/internal/auth/workload-policies',
  { workload_id: workload.id, scopes: ['records:read'] }, owner);
await call('POST', `/internal/auth/workload-policies/${policy.id}/approve`, {}, owner);
const { grant } = await call('POST', '/internal/auth/delegation-grants',
  { workload_id: workload.id, scopes: ['records:read'] }, owner);
const issued = await call('POST', '/internal/auth/workload-token',
  { workload_id: workload.id, workload_secret: workload.secret, grant_id: grant.id });

const header = decodeProtectedHeader(issued.access_token);
const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', base));
const { payload } = await jwtVerify(issued.access_token, jwks, {
  issuer: 'latchkey',
  audience: 'latchkey-internal',
  typ: 'at+jwt',
  algorithms: ['RS256'],
});

const checks = {
  'alg is RS256': header.alg === 'RS256',
  'typ is at+jwt': header.typ === 'at+jwt',
  'kid is present': typeof header.kid === 'string' && header.kid.length > 0,
  'sub is the delegating user (RFC 8693 §4.1)': typeof payload.sub === 'string' && payload.sub !== workload.id,
  'act.sub is the workload acting for them': payload.act?.sub === workload.id,
  'grant_id is the grant': payload.grant_id === grant.id,
  'scope is the effective scope': payload.scope === 'records:read',
  'lifetime is at most 5 minutes': payload.exp - payload.iat <= 300,
};

// A tampered token must fail.
const [h, p, s] = issued.access_token.split('.');
const forged = [h, Buffer.from(JSON.stringify({ ...payload, scope: '*' })).toString('base64url'), s].join('.');
let forgedRejected = false;
try {
  await jwtVerify(forged, jwks, { issuer: 'latchkey', audience: 'latchkey-internal' });
} catch {
  forgedRejected = true;
}
checks['a tampered token is rejected'] = forgedRejected;

let failed = 0;
for (const [name, ok] of Object.entries(checks)) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  if (!ok) failed++;
}
console.log(failed === 0 ? `jose interop: all ${Object.keys(checks).length} checks hold`
  : `jose interop: ${failed} of ${Object.keys(checks).length} checks do not hold`);
process.exit(failed === 0 ? 0 : 1);
