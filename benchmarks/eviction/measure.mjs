// The measuring half of benchmarks/eviction/run: keys made and cached, then revoked through one
// instance while the other is polled until it refuses each.
import { writeFileSync } from 'node:fs';
const [a, b, firstKey, count, loadKeyFile, out] = process.argv.slice(2);
const api = async (base, method, path, key, body) => {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};
const newKey = async (name) => {
  const made = await api(a, 'POST', '/api-keys', firstKey, { name, scopes: ['records:read'] });
  if (made.status !== 201) throw new Error(`creating a key: ${made.status} ${JSON.stringify(made.body)}`);
  return made.body;
};
writeFileSync(loadKeyFile, (await newKey('load')).key);
const keys = [];
for (let i = 0; i < Number(count); i++) keys.push(await newKey(`revoked-${i}`));
for (const k of keys) {
  const seen = await api(b, 'GET', '/whoami', k.key);
  if (seen.status !== 200) throw new Error(`the second instance refused a live key: ${seen.status}`);
}
await new Promise((r) => setTimeout(r, 3000)); // the load has started
const delays = [];
for (const k of keys) {
  if ((await api(b, 'GET', '/whoami', k.key)).status !== 200) throw new Error('a key was refused before its revocation');
  const revoked = await api(a, 'DELETE', `/api-keys/${k.id}`, firstKey);
  if (revoked.status !== 204 && revoked.status !== 200) throw new Error(`revoking: ${revoked.status}`);
  const done = performance.now();
  for (;;) {
    const status = (await api(b, 'GET', '/whoami', k.key)).status;
    if (status === 401) break;
    if (performance.now() - done > 60000) throw new Error('the second instance kept accepting a revoked key for 60 s');
    await new Promise((r) => setTimeout(r, 5));
  }
  delays.push(performance.now() - done);
}
delays.sort((x, y) => x - y);
const at = (p) => delays[Math.min(delays.length - 1, Math.ceil((p / 100) * delays.length) - 1)].toFixed(1);
const report = [
  '# Revocation across instances',
  '',
  `${delays.length} API keys, each cached on the second instance, revoked through the first; delay from the first's answer to the second's first refusal (polled every 5 ms):`,
  '',
  '| p50 | p90 | p99 | max |',
  '|---|---|---|---|',
  `| ${at(50)} ms | ${at(90)} ms | ${at(99)} ms | ${delays[delays.length - 1].toFixed(1)} ms |`,
  '',
].join('\n');
writeFileSync(out, report);
