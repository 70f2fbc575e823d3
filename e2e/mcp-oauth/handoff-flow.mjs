// The Salty profile's login and consent handoff with a real client: the official MCP SDK's auth()
// discovers Latchkey and registers; the "browser" follows /oauth/authorize to the stand-in for
// apps/web (apps-web.mjs), where the Supabase-signed-in person approves, and back to Latchkey, which
// completes the redirect to the client; the SDK exchanges the code for salty_oat_ tokens.
import assert from 'node:assert/strict';
import { auth } from '@modelcontextprotocol/sdk/client/auth.js';
import { startAppsWeb, supabaseToken } from './apps-web.mjs';

const [base, appsWebPort, supabaseUrl, supabaseSecret] = process.argv.slice(2);
assert.ok(base && appsWebPort && supabaseUrl && supabaseSecret, 'usage: handoff-flow.mjs LATCHKEY APPS_WEB_PORT SUPABASE_URL SECRET');
const mcpUrl = `${base}/mcp`;

const person = await supabaseToken(supabaseUrl, supabaseSecret, `handoff-${Date.now()}@salty.example`);
const bootstrapped = await fetch(`${base}/workspaces/bootstrap`, { method: 'POST',
  headers: { authorization: `Bearer ${person}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Salty shop' }) });
assert.ok(bootstrapped.ok, `bootstrap: ${bootstrapped.status} ${await bootstrapped.text()}`);
const appsWeb = await startAppsWeb(base, Number(appsWebPort), person);

class HeadlessProvider {
  constructor() { this.stored = {}; }
  get redirectUrl() { return 'http://127.0.0.1:43119/callback'; }
  get clientMetadata() {
    return { client_name: 'Claude (handoff e2e)', redirect_uris: [this.redirectUrl], grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'], token_endpoint_auth_method: 'none' };
  }
  state() { return this.stored.state ??= `state-${Math.random().toString(36).slice(2)}`; }
  clientInformation() { return this.stored.client; }
  saveClientInformation(client) { this.stored.client = client; }
  tokens() { return this.stored.tokens; }
  saveTokens(tokens) { this.stored.tokens = tokens; }
  redirectToAuthorization(url) { this.stored.authorizationUrl = url; }
  saveCodeVerifier(verifier) { this.stored.verifier = verifier; }
  codeVerifier() { return this.stored.verifier; }
  invalidateCredentials(scope) { throw new Error(`the SDK gave up on its credentials (${scope})`); }
}

try {
  const provider = new HeadlessProvider();
  assert.equal(await auth(provider, { serverUrl: mcpUrl }), 'REDIRECT');

  // The browser: Latchkey sends it to apps/web with a cookie only Latchkey reads; apps/web sends it back.
  const toApp = await fetch(provider.stored.authorizationUrl, { redirect: 'manual' });
  assert.equal(toApp.status, 302, 'Salty 302-redirects to /oauth/consent on apps/web');
  const appPage = new URL(toApp.headers.get('location'));
  assert.equal(`${appPage.origin}${appPage.pathname}`, appsWeb.url);
  const cookie = toApp.headers.get('set-cookie').split(';')[0];
  const backToLatchkey = await fetch(appPage, { redirect: 'manual' });
  assert.equal(backToLatchkey.status, 302, 'the person approved on apps/web');
  assert.equal(appsWeb.seen[0].client.client_name, 'Claude (handoff e2e)', 'apps/web showed the client by name');
  const withoutCookie = await fetch(backToLatchkey.headers.get('location'), { redirect: 'manual' });
  assert.equal(withoutCookie.status, 400, 'another browser cannot finish it');
  const toClient = await fetch(backToLatchkey.headers.get('location'), { redirect: 'manual', headers: { cookie } });
  assert.equal(toClient.status, 303);
  const back = new URL(toClient.headers.get('location'));
  assert.equal(`${back.origin}${back.pathname}`, provider.redirectUrl);
  assert.equal(back.searchParams.get('state'), provider.state());

  assert.equal(await auth(provider, { serverUrl: mcpUrl, authorizationCode: back.searchParams.get('code') }), 'AUTHORIZED');
  const access = provider.tokens().access_token;
  assert.ok(access.startsWith('salty_oat_'), access.slice(0, 12));
  const decision = await fetch(`${base}/authz/check`, { headers: {
    'x-original-method': 'POST', 'x-original-uri': '/mcp', authorization: `Bearer ${access}` } });
  assert.equal(decision.status, 200, `the MCP route admits the token: ${await decision.text()}`);
  console.log('salty handoff: the SDK client, apps/web asking the Supabase person, Latchkey completing the redirect, salty_oat_ tokens');
} finally {
  appsWeb.close();
}
