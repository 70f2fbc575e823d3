// A small stand-in for Salty's apps/web: its /oauth/consent page, where a person already signed in
// with Supabase (their access JWT, HS256 with the project's secret, as Supabase signs it) sees what
// the MCP client asks for and clicks Approve. It reads the request from Latchkey and records the
// decision with the person's own token, then sends the browser back to Latchkey, as the real app would.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

export async function supabaseToken(supabaseUrl, secret, email) {
  return new SignJWT({ email, role: 'authenticated' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(`${supabaseUrl}/auth/v1`).setAudience('authenticated').setSubject(randomUUID())
    .setIssuedAt().setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
}

/** Starts the page on `port`; `person` is the signed-in person's Supabase JWT. */
export function startAppsWeb(latchkey, port, person) {
  const seen = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://apps-web');
    if (url.pathname !== '/oauth/consent') { response.writeHead(404).end(); return; }
    const id = url.searchParams.get('request_id');
    const auth = { authorization: `Bearer ${person}`, 'content-type': 'application/json' };
    const asked = await fetch(`${latchkey}/oauth/authorization-requests/${encodeURIComponent(id)}`, { headers: auth });
    const shown = await asked.json();
    seen.push(shown);
    if (!asked.ok || shown.workspaces.length === 0) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end(`cannot ask: ${JSON.stringify(shown)}`); return;
    }
    // The person reads "Claude wants to read the records in your Salty workspace" and clicks Approve.
    const decided = await fetch(`${latchkey}/oauth/authorization-requests/${encodeURIComponent(id)}`, {
      method: 'POST', headers: auth, body: JSON.stringify({ decision: 'approve', workspace_id: shown.workspaces[0].workspace_id }) });
    const { redirect_to: next } = await decided.json();
    response.writeHead(302, { location: next }).end();
  });
  return new Promise(resolve => server.listen(port, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/oauth/consent`, seen, close: () => server.close() })));
}
