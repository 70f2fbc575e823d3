// A person with a Latchkey account and a workspace, and a browser-less walk through the sign-in and
// consent pages: a cookie jar, the pages' own forms, and nothing the pages do not offer.
import assert from 'node:assert/strict';

export const PASSWORD = 'correct horse battery staple 42';

export async function newPerson(base, label) {
  const email = `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const registered = await fetch(`${base}/auth/register`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const account = await registered.json();
  assert.equal(registered.status, 201, `register: ${JSON.stringify(account)}`);
  const token = account.access_token;
  const bootstrapped = await fetch(`${base}/workspaces/bootstrap`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `${label} workspace` }),
  });
  assert.ok(bootstrapped.ok, `bootstrap: ${bootstrapped.status}`);
  return { email, password: PASSWORD };
}

/** The hidden and named inputs of the page's form, as the browser would submit them. */
function formFields(html) {
  const fields = new URLSearchParams();
  for (const [, attributes] of html.matchAll(/<input([^>]*)>/g)) {
    const name = /name="([^"]*)"/.exec(attributes)?.[1];
    const value = /value="([^"]*)"/.exec(attributes)?.[1] ?? '';
    if (name && /type="hidden"/.test(attributes)) fields.append(name, unescape(value));
  }
  return fields;
}

function unescape(text) {
  return text.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** Signs in on the login page, approves on the consent page, and returns the redirect Latchkey sends. */
export async function approveInBrowserlessSession(base, authorizationUrl, person, expectedClientName) {
  const loginPage = await fetch(authorizationUrl, { redirect: 'manual' });
  assert.equal(loginPage.status, 200, 'the authorization endpoint shows the sign-in page');
  const loginHtml = await loginPage.text();
  assert.ok(loginHtml.includes(expectedClientName), 'the sign-in page names the client');

  const login = formFields(loginHtml);
  login.set('email', person.email);
  login.set('password', person.password);
  const signedIn = await fetch(`${base}/oauth/login`, { method: 'POST', body: login, redirect: 'manual' });
  assert.equal(signedIn.status, 303, 'signing in goes back to the authorization request');
  const cookie = signedIn.headers.get('set-cookie').split(';')[0];

  const consentPage = await fetch(new URL(signedIn.headers.get('location'), base), {
    headers: { cookie }, redirect: 'manual',
  });
  assert.equal(consentPage.status, 200);
  const consentHtml = await consentPage.text();
  assert.ok(consentHtml.includes('Approve') && consentHtml.includes(expectedClientName), 'a consent page');
  assert.match(consentPage.headers.get('content-security-policy'), /frame-ancestors 'none'/);

  const decision = formFields(consentHtml);
  decision.set('decision', 'approve');
  const approved = await fetch(`${base}/oauth/authorize`, {
    method: 'POST', body: decision, headers: { cookie }, redirect: 'manual',
  });
  assert.equal(approved.status, 303, 'approval redirects to the client');
  return new URL(approved.headers.get('location'));
}
