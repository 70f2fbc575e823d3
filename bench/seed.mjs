// Creates one credential of each kind against a running Latchkey and prints them as JSON.
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
console.log(JSON.stringify({ api_key: key, user_jwt: boot.access_token, workload_token: wt.access_token, bad_key: badChecksum }));
