// mcp-remote (what Claude Desktop launches for a remote MCP server) against examples/mcp-server: the
// SDK's stdio client speaks to mcp-remote as Claude would; mcp-remote discovers Latchkey, registers,
// opens "the browser" — browser.sh, which signs in and approves as a person would — receives the code
// on its own callback and proxies the tool call with the token it obtained.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { newPerson } from '../mcp-oauth/person.mjs';

const [base, mcpUrl, callbackPort] = process.argv.slice(2);
assert.ok(base && mcpUrl && callbackPort, 'usage: mcp-remote.mjs LATCHKEY MCP_URL CALLBACK_PORT');
const here = dirname(fileURLToPath(import.meta.url));
const proxy = join(dirname(createRequire(import.meta.url).resolve('mcp-remote/package.json')), 'dist', 'proxy.js');
const configDir = mkdtempSync(join(tmpdir(), 'mcp-remote-'));
const person = await newPerson(base, 'mcp-remote');

const transport = new StdioClientTransport({
  command: process.execPath,
  args: [proxy, mcpUrl, callbackPort, '--host', '127.0.0.1', '--allow-http'],
  env: { ...process.env, MCP_REMOTE_CONFIG_DIR: configDir, BROWSER: join(here, 'browser.sh'),
    E2E_LATCHKEY: base, E2E_EMAIL: person.email, E2E_PASSWORD: person.password, DISPLAY: '' },
  stderr: 'pipe',
});
let log = '';
transport.stderr?.on('data', chunk => { log += chunk; });
const client = new Client({ name: 'claude-desktop-stand-in', version: '1.0.0' });
try {
  await Promise.race([client.connect(transport),
    new Promise((_, reject) => setTimeout(() => reject(new Error('mcp-remote did not connect in 60 s')), 60000))]);
  const tools = await client.listTools();
  assert.ok(tools.tools.some(t => t.name === 'whoami'), 'the server\'s tools come through mcp-remote');
  const seen = JSON.parse((await client.callTool({ name: 'whoami', arguments: {} })).content[0].text);
  assert.deepEqual(seen.scopes, ['records:read']);
  assert.equal(seen.resource, mcpUrl);
  assert.ok(seen.clientId, 'mcp-remote registered its own client');
  console.log(`mcp-remote -> example server (${seen.check}): registration, browser consent, code on its callback, tool call`);
} catch (error) {
  console.error(`mcp-remote's log:\n${log.slice(-4000)}`);
  throw error;
} finally {
  await client.close().catch(() => {});
  rmSync(configDir, { recursive: true, force: true });
}
