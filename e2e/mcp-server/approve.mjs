// What the person does in the browser mcp-remote opened: sign in, approve, and follow the redirect to
// mcp-remote's own callback, which completes its side of the flow.
import { approveInBrowserlessSession } from '../mcp-oauth/person.mjs';

const url = new URL(process.argv[2]);
const { E2E_LATCHKEY: base, E2E_EMAIL: email, E2E_PASSWORD: password } = process.env;
const back = await approveInBrowserlessSession(base, url, { email, password }, '');
const callback = await fetch(back);
if (!callback.ok) throw new Error(`mcp-remote's callback answered ${callback.status}`);
