// The log of the Latchkey that served the end-to-end run, written with LATCHKEY_LOG_FORMAT=json:
// every application line is one JSON object, decisions carry their request_id and code, and no
// line holds a credential.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const [base, path] = process.argv.slice(2);
const refused = await fetch(`${base}/whoami`, {
  headers: { authorization: 'Bearer sk_live_notAKeyAtAll', 'x-request-id': 'e2e-log-check' },
});
assert.equal(refused.status, 401);
assert.equal(refused.headers.get('x-request-id'), 'e2e-log-check');
await new Promise((resolve) => setTimeout(resolve, 500)); // let the appender write

const text = readFileSync(path, 'utf8');
const entries = text.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line));
const decisions = entries.filter((entry) => entry.logger === 'dev.latchkey.decisions');
assert.ok(decisions.length > 10, `decision lines were written (${decisions.length})`);
assert.ok(decisions.every((entry) => entry.mdc?.request_id), 'every decision line has its request_id');
assert.ok(decisions.some((entry) => entry.mdc.request_id === 'e2e-log-check'
  && /code=invalid_api_key/.test(entry.message)), 'the refused request is logged with its id and code');
const secret = /(sk_live_[A-Za-z0-9]{20,}|lk_o[ar]t_[A-Za-z0-9]{20,}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}|wk_[A-Za-z0-9]{20,})/;
const leaks = text.split('\n').filter((line) => secret.test(line));
assert.deepEqual(leaks, [], 'no credential in the log');
console.log(`logs: ${entries.length} JSON lines, ${decisions.length} decisions with request ids, no credential`);
