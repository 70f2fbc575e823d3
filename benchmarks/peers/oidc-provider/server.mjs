// panva's oidc-provider (MIT) as a peer in benchmarks/peers/run: one confidential client with
// client_credentials, RFC 7662 introspection, its in-memory adapter, its own discovery document.
// Usage: node server.mjs PORT CLIENT_SECRET
import Provider from 'oidc-provider';

const [port, secret] = process.argv.slice(2);
const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: 'bench-svc',
    client_secret: secret,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
  }],
  features: {
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    devInteractions: { enabled: false },
  },
});
provider.listen(Number(port), '127.0.0.1');
