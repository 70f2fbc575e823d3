// The upstream's half of a sensitive action behind forward-auth. Latchkey decides without seeing the
// body: an approval is bound to the SHA-256 the caller declared (X-Latchkey-Body-SHA256), and on an
// allowed request Latchkey tells the upstream, through the proxy, which body it approved
// (X-Latchkey-Approved-Body-SHA256). The upstream must act only if the body it received is that one.
// Node's own crypto only; used by e2e/forward-auth against a real nginx.
import { createHash, timingSafeEqual } from 'node:crypto';

/** Reads the whole request body (a Buffer). */
export async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * Whether the received body is the approved one. `true` when no approval was used (the header is
 * absent or empty); otherwise the SHA-256 of `body` must equal the approved hash.
 */
export function approvedBodyMatches(headers, body) {
  const approved = headers['x-latchkey-approved-body-sha256'];
  if (!approved) return true;
  const actual = createHash('sha256').update(body).digest('hex');
  const expected = Buffer.from(String(approved).toLowerCase(), 'utf8');
  const received = Buffer.from(actual, 'utf8');
  return expected.length === received.length && timingSafeEqual(expected, received);
}
