// A real nginx (examples/nginx/nginx.conf) in front of a small upstream, Latchkey deciding through
// auth_request: allowed requests reach the upstream with Latchkey's identity headers (and a signed
// principal the upstream verifies with panva/jose against Latchkey's JWKS); 401, 403, 404, 410 and
// 429 reach the caller with Latchkey's own status, code, body and headers; identity headers the
// caller forges never reach the upstream.
import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import { createHash } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { approvedBodyMatches, readBody } from '../../examples/upstream/latchkey-upstream.mjs';

const [nginx, latchkey, upstreamPort] = process.argv.slice(2);
assert.ok(nginx && latchkey && upstreamPort, 'usage: check.mjs NGINX_BASE LATCHKEY_BASE UPSTREAM_PORT');
const jwks = createRemoteJWKSet(new URL(`${latchkey}/.well-known/jwks.json`));

const upstream = createServer(async (request, response) => {
  const seen = Object.fromEntries(Object.entries(request.headers)
    .filter(([name]) => name.startsWith('x-latchkey-') || name === 'authorization' || name === 'x-api-key'));
  let principal = null;
  if (request.headers['x-latchkey-principal']) {
    const { payload, protectedHeader } = await jwtVerify(request.headers['x-latchkey-principal'], jwks,
      { issuer: 'latchkey', audience: 'latchkey-upstream', typ: 'latchkey-principal+jwt' });
    principal = { ...payload, alg: protectedHeader.alg };
  }
  upstreamHits.push(request.url);
  response.setHeader('content-type', 'application/json');
  const body = await readBody(request);
  if (!approvedBodyMatches(request.headers, body)) {
    response.statusCode = 409;
    response.end(JSON.stringify({ reached: true, acted: false, code: 'body_not_approved' }));
    return;
  }
  acted.push(`${request.method} ${request.url} ${body.toString('utf8')}`);
  response.end(JSON.stringify({ reached: true, method: request.method, path: request.url, seen, principal }));
});
await new Promise((resolve) => upstream.listen(Number(upstreamPort), '127.0.0.1', resolve));

let upstreamHits = [];
const acted = [];
let checks = 0;
const ok = (what) => { checks += 1; console.log(`ok   ${what}`); };

async function call(method, path, headers = {}, payload = undefined) {
  const response = await fetch(`${nginx}${path}`, { method, headers, body: payload });
  const text = await response.text();
  let body = null;
  try { body = JSON.parse(text); } catch { body = text; }
  return { status: response.status, headers: response.headers, body };
}

// fetch() resolves dot segments before sending; node:http sends the path exactly as written.
function rawCall(path, headers = {}) {
  const target = new URL(nginx);
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ host: target.hostname, port: target.port, path, method: 'GET', headers }, (response) => {
      let text = '';
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, text }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

async function workspaceKey(label) {
  const email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`;
  const registered = await (await fetch(`${latchkey}/auth/register`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery staple' }),
  })).json();
  const workspace = await (await fetch(`${latchkey}/workspaces/bootstrap`, {
    method: 'POST', headers: { authorization: `Bearer ${registered.access_token}`, 'content-type': 'application/json' },
    body: '{}',
  })).json();
  return workspace;
}

try {
  const team = await workspaceKey('nginx');
  const readOnly = await (await fetch(`${latchkey}/api-keys`, {
    method: 'POST', headers: { authorization: `Bearer ${team.api_key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'read only', scopes: ['records:read'] }),
  })).json();

  const open = await call('GET', '/health');
  assert.equal(open.status, 200);
  assert.equal(open.body.reached, true);
  ok('a public route reaches the upstream without a credential');

  const allowed = await call('GET', '/records/r_1', {
    authorization: `Bearer ${team.api_key}`, 'x-latchkey-actor': 'forged', 'x-latchkey-tenant': 'ws_forged',
  });
  assert.equal(allowed.status, 200);
  assert.equal(allowed.body.path, '/records/r_1');
  assert.equal(allowed.body.seen['x-latchkey-tenant'], team.workspace_id, 'the tenant Latchkey verified');
  assert.notEqual(allowed.body.seen['x-latchkey-actor'], 'forged');
  assert.equal(allowed.body.seen['x-latchkey-credential-kind'], 'api_key');
  assert.equal(allowed.body.seen.authorization, undefined, 'the credential stops at nginx');
  ok('an allowed request reaches the upstream with Latchkey\'s identity headers, never the forged ones');
  assert.equal(allowed.body.principal.tenant_id, team.workspace_id);
  assert.equal(allowed.body.principal.sub, allowed.body.seen['x-latchkey-actor']);
  assert.equal(allowed.body.principal.alg, 'RS256');
  ok('the upstream verifies the signed X-Latchkey-Principal against Latchkey\'s JWKS');
  assert.ok(allowed.headers.get('ratelimit-remaining') !== null, 'RateLimit-Remaining relayed');
  ok('the caller sees its RateLimit-* headers');

  const forgedOnly = await call('GET', '/records', { 'x-latchkey-actor': 'forged', 'x-latchkey-principal': 'x.y.z' });
  assert.equal(forgedOnly.status, 401);
  assert.equal(forgedOnly.body.code, 'missing_auth');
  assert.match(forgedOnly.headers.get('www-authenticate'), /^Bearer realm="latchkey"/);
  assert.equal(forgedOnly.headers.get('content-type'), 'application/problem+json');
  ok('no credential: 401 missing_auth with its body and WWW-Authenticate; forged headers open nothing');

  const badKey = await call('GET', '/records', { authorization: 'Bearer sk_live_notarealkey' });
  assert.equal(badKey.status, 401);
  assert.equal(badKey.body.code, 'invalid_api_key');
  ok('a bad key: 401 invalid_api_key');

  const forbidden = await call('POST', '/records', { authorization: `Bearer ${readOnly.key}` });
  assert.equal(forbidden.status, 403);
  assert.equal(forbidden.body.code, 'insufficient_scope');
  assert.match(forbidden.body.detail, /records:write/);
  ok('a missing scope: 403 insufficient_scope naming it; the upstream is not reached');

  const retired = await call('GET', '/v0/records', { authorization: `Bearer ${team.api_key}` });
  assert.equal(retired.status, 410);
  assert.equal(retired.body.code, 'route_retired');
  assert.match(retired.body.detail, /use \/records/);
  ok('a retired route: 410 with its code and pointer');

  const unknown = await call('GET', '/admin/secrets', { authorization: `Bearer ${team.api_key}` });
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.code, 'not_found');
  ok('a route in no rule: 404, denied rather than allowed by default');

  upstreamHits = [];
  for (const path of ['/health/../records/r_1', '/health/..%2Frecords%2Fr_1', '/health/..;/records/r_1',
    '/health/%2e%2e/records/r_1', '//records/r_1', '/health/%252e%252e/records/r_1']) {
    for (const headers of [{}, { authorization: `Bearer ${readOnly.key}` }]) {
      const answer = await rawCall(path, headers);
      assert.equal(answer.status, 400, `${path}: ${answer.text}`);
    }
  }
  assert.deepEqual(upstreamHits, [], 'no ambiguous path reached the upstream');
  ok('paths an upstream could read differently (dot segments raw or encoded, ..;, //): 400, never upstream');

  // A sensitive action: Latchkey binds the approval to the declared body hash; the upstream checks
  // that the body it receives is the approved one (examples/upstream/latchkey-upstream.mjs).
  const approving = await workspaceKey('nginx-approval');
  const sha256 = (text) => createHash('sha256').update(text).digest('hex');
  async function approvedFor(body) {
    const headers = { authorization: `Bearer ${approving.api_key}`, 'x-latchkey-body-sha256': sha256(body) };
    const asked = await call('POST', '/records/r_9/publish', headers, body);
    assert.equal(asked.status, 403, JSON.stringify(asked.body));
    assert.equal(asked.body.code, 'approval_required');
    // The request to follow, as a field of the problem nginx passes on (the detail names it for people).
    const id = asked.body.approval_id;
    assert.equal(asked.body.approval_status, 'pending');
    assert.equal(asked.body.detail.match(/approval request (apr_\w+)/)[1], id);
    const decided = await fetch(`${latchkey}/internal/auth/approvals/${id}/approve`, {
      method: 'POST', headers: { authorization: `Bearer ${approving.access_token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(decided.status, 200, await decided.text());
    return { ...headers, 'x-latchkey-approval': id };
  }
  const approvedBody = '{"visibility":"public"}';
  const swapped = await call('POST', '/records/r_9/publish', await approvedFor(approvedBody),
    '{"visibility":"public","owner":"mallory"}');
  assert.equal(swapped.status, 409, 'Latchkey allowed the declared hash; the upstream refused the other body');
  assert.equal(swapped.body.code, 'body_not_approved');
  const honest = await call('POST', '/records/r_9/publish', await approvedFor(approvedBody), approvedBody);
  assert.equal(honest.status, 200, JSON.stringify(honest.body));
  assert.deepEqual(acted.filter((a) => a.includes('publish')), [`POST /records/r_9/publish ${approvedBody}`]);
  ok('a sensitive action acts only on the body its approval was bound to: another body is refused upstream');

  const busy = await workspaceKey('nginx-busy');
  const statuses = [];
  let limited;
  for (let i = 0; i < 12; i += 1) {
    const response = await call('GET', '/records', { authorization: `Bearer ${busy.api_key}` });
    statuses.push(response.status);
    if (response.status === 429) { limited = response; break; }
  }
  assert.ok(limited, `a 429 after the burst (${statuses.join(',')})`);
  assert.equal(limited.body.code, 'rate_limited');
  assert.ok(Number(limited.headers.get('retry-after')) >= 1, 'Retry-After relayed');
  ok(`a spent rate limit: 429 rate_limited with Retry-After, after ${statuses.length - 1} allowed`);

  console.log(`forward-auth through nginx: all ${checks} checks hold`);
} finally {
  upstream.close();
}
