// A person in a real browser (Debian's headless Chromium, driven by playwright-core): follows an
// authorization link, signs in, sees the consent page, clicks Approve, and lands on the client's
// redirect URI with a code that works. The consent page is saved as a screenshot.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { newPerson } from './person.mjs';

const [base, screenshotPath] = process.argv.slice(2);
assert.ok(base && screenshotPath, 'usage: consent-browser.mjs BASE SCREENSHOT.png');
// The client registers one loopback redirect and, like a native app whose port was taken, listens
// on another: RFC 8252 says the port may differ.
const registeredRedirect = 'http://127.0.0.1:43118/callback';
let landed;
const callback = createServer((request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  if (url.pathname === '/callback') {
    landed = url; // not the browser's follow-up requests, such as /favicon.ico
  }
  response.end('You can close this window.');
});
await new Promise((resolve) => callback.listen(0, '127.0.0.1', resolve));
const redirectUri = `http://127.0.0.1:${callback.address().port}/callback`;

const person = await newPerson(base, 'browser');
const registration = await fetch(`${base}/oauth/register`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ client_name: 'Browser Test Client', redirect_uris: [registeredRedirect], token_endpoint_auth_method: 'none' }),
});
assert.equal(registration.status, 201);
const { client_id: clientId } = await registration.json();

const verifier = randomBytes(32).toString('base64url');
const authorizationUrl = new URL(`${base}/oauth/authorize`);
Object.entries({
  response_type: 'code', client_id: clientId, redirect_uri: redirectUri, state: 'browser-state',
  code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
  scope: 'records:read records:write',
}).forEach(([name, value]) => authorizationUrl.searchParams.set(name, value));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();

  await page.goto(authorizationUrl.toString());
  assert.match(await page.title(), /Sign in/);
  await page.fill('#email', person.email);
  await page.fill('#password', person.password);
  await Promise.all([page.waitForURL(/\/oauth\/authorize\?/), page.click('button[type=submit]')]);

  assert.match(await page.title(), /Authorize Browser Test Client/);
  const text = await page.textContent('main');
  for (const expected of ['Browser Test Client', 'browser workspace', 'Read the records in your workspace',
    'Create, change and delete records in your workspace', '127.0.0.1']) {
    assert.ok(text.includes(expected), `the consent page says "${expected}"`);
  }
  mkdirSync(screenshotPath.replace(/\/[^/]*$/, ''), { recursive: true });
  await page.screenshot({ path: screenshotPath, fullPage: true });

  await Promise.all([page.waitForURL(`${redirectUri}**`), page.click('button[value=approve]')]);
  assert.ok(landed, 'the browser was sent to the redirect URI');
  assert.equal(landed.searchParams.get('state'), 'browser-state');
  const code = landed.searchParams.get('code');

  const exchanged = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId,
      code_verifier: verifier }),
  });
  const tokens = await exchanged.json();
  assert.equal(exchanged.status, 200, JSON.stringify(tokens));
  const me = await fetch(`${base}/whoami`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
  assert.equal(me.status, 200);
  console.log(`chromium: signed in, saw the consent page (${screenshotPath}), approved, and the code works`);
} finally {
  await browser.close();
  callback.close();
}
