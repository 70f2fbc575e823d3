// A workspace admin in a real browser (Debian's headless Chromium, driven by playwright-core) uses
// Latchkey's console: signs in, creates a key and uses it, approves a workload's policy and its
// pending sensitive action (and the workload's retry goes through), revokes the grant (and the
// workload's token stops working). Screenshots of each page are saved.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [base, shots] = process.argv.slice(2);
assert.ok(base && shots, 'usage: console.mjs BASE SCREENSHOT_DIR');
mkdirSync(shots, { recursive: true });

async function api(method, path, token, body, extra = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json', ...extra },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : {} };
}

const email = `admin-${Date.now()}@example.com`;
const password = 'correct horse battery staple';
const signup = await api('POST', '/auth/register', null, { email, password });
const owner = (await api('POST', '/workspaces/bootstrap', signup.body.access_token, { name: 'Console demo' })).body;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let checks = 0;
const ok = (what) => { checks += 1; console.log(`ok   ${what}`); };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const scriptErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') scriptErrors.push(message.text()); });

  await page.goto(`${base}/console`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL('**/console/keys'), page.click('button[type=submit]')]);
  assert.match(await page.title(), /API keys/);
  assert.ok((await page.textContent('main')).includes(`Signed in as ${email} (owner) in Console demo.`),
    'the person by address, the workspace by name');
  ok('signs in and lands on the API keys page, naming the person by their address');

  await page.fill('input[name=name]', 'browser key');
  await page.fill('input[name=scopes]', 'records:read');
  await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Create key")')]);
  const key = (await page.textContent('#secret')).trim();
  assert.match(key, /^sk_live_/);
  await page.screenshot({ path: `${shots}/console-key-created.png`, fullPage: true });
  const used = await api('GET', '/whoami', key);
  assert.equal(used.status, 200);
  assert.deepEqual(used.body.scopes, ['records:read']);
  ok('creates a key, shown once, that works at once with the scopes chosen');

  await page.goto(`${base}/console/agents`);
  await page.fill('#f-consoleworkloadsregister-name', 'cleanup agent');
  await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Register workload")')]);
  const workloadSecret = (await page.textContent('#secret')).trim();
  const workloadId = /Secret of workload (wl_[A-Za-z0-9]+)/.exec(await page.textContent('main'))[1];
  await page.fill('#f-consolepoliciespropose-workload_id', workloadId);
  await page.fill('#f-consolepoliciespropose-scopes', 'records:read records:delete');
  await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Propose policy")')]);
  await Promise.all([page.waitForLoadState('load'),
    page.click(`button[aria-label="Approve the policy of ${workloadId}"]`)]);
  assert.ok((await page.textContent('main')).includes('Done.'), 'the policy approval is confirmed');
  ok('registers a workload (its secret shown once), proposes its policy and approves it');

  await page.goto(`${base}/console/grants`);
  await page.fill('#f-consolegrantscreate-workload_id', workloadId);
  await page.fill('#f-consolegrantscreate-scopes', 'records:delete');
  await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Delegate to a workload")')]);
  const grant = (await api('GET', '/internal/auth/delegation-grants', owner.access_token)).body.data
    .find((g) => g.workload_id === workloadId);
  assert.ok(grant, 'the grant made in the console exists');
  const workload = { id: workloadId, secret: workloadSecret };
  const token = (await api('POST', '/internal/auth/workload-token', null,
    { workload_id: workload.id, workload_secret: workload.secret, grant_id: grant.id })).body.access_token;
  const check = (extra) => api('GET', '/authz/check', token, undefined,
    { 'x-original-method': 'DELETE', 'x-original-uri': '/records/r_1', ...extra });
  await page.goto(`${base}/console/agents`);
  const row = page.locator('tr', { hasText: '/records/r_1' });
  assert.equal(await row.count(), 0, 'nothing is waiting yet');
  const held = await check({});
  assert.equal(held.status, 403);
  assert.equal(held.body.code, 'approval_required');
  const approvalId = /apr_[A-Za-z0-9]+/.exec(held.body.detail)[0];
  await row.waitFor({ timeout: 15000 });
  ok('the open approvals page shows the workload\'s new request without a reload');
  assert.ok((await row.textContent()).includes('DELETE'), 'the pending action says what it will do');
  assert.ok((await row.textContent()).includes(
    `cleanup agent, acting for ${email} through a delegation grant, wants to DELETE /records/r_1.`),
  'the request is described in words');
  assert.equal(await row.locator('details code').count(), 1, 'the body hash is behind a disclosure');
  assert.doesNotMatch(await row.locator('time').first().textContent(), /\d{4}-\d{2}-\d{2}T/,
    'times read as relative, not ISO');
  await page.screenshot({ path: `${shots}/console-pending-approval.png`, fullPage: true });
  await Promise.all([page.waitForLoadState('load'), page.click('button[aria-label="Approve DELETE /records/r_1"]')]);
  const retried = await check({ 'x-latchkey-approval': approvalId });
  assert.equal(retried.status, 200, JSON.stringify(retried.body));
  ok('approves the pending sensitive action, and the workload\'s retry succeeds');

  const second = await api('GET', '/authz/check', token, undefined,
    { 'x-original-method': 'DELETE', 'x-original-uri': '/records/r_2' });
  const secondId = second.body.approval_id;
  const secondRow = page.locator('tr', { hasText: '/records/r_2' });
  await secondRow.waitFor({ timeout: 15000 });
  await secondRow.locator('input[name=reason]').fill('Not before the backup runs');
  await Promise.all([page.waitForLoadState('load'), page.click('button[aria-label="Reject DELETE /records/r_2"]')]);
  const status = await api('GET', `/internal/auth/approvals/${secondId}`, token);
  assert.equal(status.body.status, 'rejected');
  assert.equal(status.body.reason, 'Not before the backup runs');
  ok('rejects a request with a reason, which the workload reads with its status');

  await page.goto(`${base}/console/grants`);
  assert.ok((await page.textContent('main')).includes('records:delete'), 'the grant and its explanation are shown');
  await Promise.all([page.waitForLoadState('load'), page.click(`button[aria-label="Revoke grant ${grant.id}"]`)]);
  const after = await api('GET', '/whoami', token);
  assert.equal(after.status, 401);
  assert.equal(after.body.code, 'token_revoked');
  ok('revokes the grant, and the workload\'s token fails');

  for (const section of ['members', 'connections', 'audit', 'usage']) {
    await page.goto(`${base}/console/${section}`);
    assert.equal(await page.locator('nav a[aria-current=page]').count(), 1);
    await page.screenshot({ path: `${shots}/console-${section}.png`, fullPage: true });
  }
  assert.ok((await page.textContent('main')).includes('Metered requests this period'));
  await page.goto(`${base}/console/audit?action=api_key`);
  assert.ok((await page.textContent('main')).includes('api_key.created'), 'the audit trail filters by action');
  ok('members, connected apps, audit (filtered) and usage pages render');

  const forged = await fetch(`${base}/console/keys/create`, {
    method: 'POST', body: new URLSearchParams({ name: 'forged', csrf_token: 'x' }), redirect: 'manual',
  });
  assert.notEqual(forged.status, 200, 'a form without the session and its token does nothing');
  assert.deepEqual(scriptErrors, [], 'no script or CSP errors in the page');
  ok('forms need the session and its CSRF token; the pages run under a CSP with no violations');
  console.log(`console in chromium: all ${checks} checks hold (screenshots in ${shots})`);
} finally {
  await browser.close();
}
