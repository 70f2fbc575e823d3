// An MCP server on the official TypeScript SDK, guarded by Latchkey. It serves its own RFC 9728
// metadata naming Latchkey as its authorization server, and checks every bearer token with the SDK's
// requireBearerAuth and one of the two verifiers in latchkey.ts:
//   LATCHKEY_URL=http://127.0.0.1:8080 MCP_PORT=3001 MCP_CHECK=introspection MCP_SERVER_SECRET=… node dist/server.js
//   LATCHKEY_URL=http://127.0.0.1:8080 MCP_PORT=3002 MCP_CHECK=jwt node dist/server.js
import express from 'express';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import { getOAuthProtectedResourceMetadataUrl, mcpAuthMetadataRouter } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { introspecting, verifyingJwts } from './latchkey.js';

const issuer = required('LATCHKEY_URL');
const port = Number(process.env.MCP_PORT ?? 3001);
const resource = new URL(`http://127.0.0.1:${port}/mcp`);
const check = process.env.MCP_CHECK ?? 'introspection';
const verifier = check === 'jwt'
  ? verifyingJwts(issuer, resource.href)
  : introspecting(issuer, process.env.MCP_CLIENT_ID ?? 'example-mcp-server', required('MCP_SERVER_SECRET'));

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

const metadata = await (await fetch(`${issuer}/.well-known/oauth-authorization-server`)).json();
const app = express();
app.use(express.json());
app.use(mcpAuthMetadataRouter({ oauthMetadata: metadata, resourceServerUrl: resource, scopesSupported: ['records:read'],
  resourceName: `Latchkey example MCP server (${check})` }));
const auth = requireBearerAuth({ verifier, requiredScopes: ['records:read'], expectedResource: resource,
  resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(resource) });

app.post('/mcp', auth, async (req, res) => {
  const server = new McpServer({ name: 'latchkey-example', version: '1.0.0' });
  server.registerTool('whoami', { description: 'Who Latchkey says is calling, as this server sees it' },
    async (extra) => ({ content: [{ type: 'text', text: JSON.stringify({ check, clientId: extra.authInfo?.clientId,
      scopes: extra.authInfo?.scopes, resource: extra.authInfo?.resource?.href, ...extra.authInfo?.extra }) }] }));
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => { void transport.close(); void server.close(); });
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.all('/mcp', auth, (_req, res) => { res.status(405).set('Allow', 'POST').end(); });

app.listen(port, '127.0.0.1', () => console.log(`MCP server (${check}) at ${resource.href}, authorized by ${issuer}`));
