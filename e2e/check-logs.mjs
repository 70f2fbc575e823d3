// The log of the Latchkey that served the end-to-end run, written with LATCHKEY_LOG_FORMAT=json:
// every application line is one JSON object, decisions carry their request_id and code, and no
// line holds a credential.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const [path] = process.argv.slice(2);
const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.startsWith('{'));
const entries = lines.map((line) => JSON.parse(line));
const decisions = entries.filter((entry) => entry.logger === 'dev.latchkey.decisions');
assert.ok(decisions.length > 10, `decision lines were written (${decisions.length})`);
assert.ok(decisions.every((entry) => entry.mdc?.request_id), 'every decision line has its request_id');
assert.ok(decisions.some((entry) => /code=\w+/.test(entry.message)), 'rejections name their code');
const secret = /(sk_live_[A-Za-z0-9]{20,}|lk_o[ar]t_[A-Za-z0-9]{20,}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}|wk_[A-Za-z0-9]{20,})/;
const leaks = readFileSync(path, 'utf8').split('\n').filter((line) => secret.test(line));
assert.deepEqual(leaks, [], 'no credential in the log');
console.log(`logs: ${entries.length} JSON lines, ${decisions.length} decisions with request ids, no credential`);
