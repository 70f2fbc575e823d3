package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.app.OAuthTestClient.Page;
import dev.latchkey.app.OAuthTestClient.Person;
import dev.latchkey.app.OAuthTestClient.Pkce;
import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two MCP servers at {@code /mcp} on different hosts behind one nginx: forward-auth tells them
 * apart by the host nginx reports ({@code X-Original-Host}) as well as the path, so a token bound to
 * one is refused at the other, each refusal points to its own server's metadata, and each host's
 * metadata document names its own resource.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ResourcesByHostHttpTest {
    private static final int PORT = TestApps.freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final String MCP_A = "https://mcp-a.example.com/mcp";
    private static final String MCP_B = "https://mcp-b.example.com/mcp";
    private static final String CALLBACK = "http://127.0.0.1:43117/callback";
    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2(
            ConfigOverride.config("server.applicationConnectors[0].port", Integer.toString(PORT)),
            ConfigOverride.config("oauth.issuer", BASE),
            ConfigOverride.config("oauth.resources", MCP_A + "," + MCP_B));

    private final OAuthTestClient client = new OAuthTestClient(BASE);

    private String tokenFor(String resource) {
        Person person = client.person();
        Pkce pkce = Pkce.fresh();
        String clientId = (String) client.register("none", CALLBACK).get("client_id");
        Map<String, String> parameters = new LinkedHashMap<>(OAuthTestClient.authorization(clientId, CALLBACK, pkce));
        parameters.put("resource", resource);
        return (String) client.tokensFor(parameters, pkce, person.email()).get("access_token");
    }

    private Page check(String host, String token) {
        return host == null
                ? client.get(
                        "/authz/check",
                        "X-Original-Method",
                        "GET",
                        "X-Original-URI",
                        "/mcp/tools",
                        "Authorization",
                        "Bearer " + token)
                : client.get(
                        "/authz/check",
                        "X-Original-Method",
                        "GET",
                        "X-Original-URI",
                        "/mcp/tools",
                        "X-Original-Host",
                        host,
                        "Authorization",
                        "Bearer " + token);
    }

    @Test
    void aTokenForOneServerIsRefusedAtTheOtherAndWhereTheHostIsNotSaid() {
        String forA = tokenFor(MCP_A);

        assertThat(check("mcp-a.example.com", forA).status()).isEqualTo(200);
        Page atB = check("mcp-b.example.com", forA);
        assertThat(atB.status()).isEqualTo(401);
        assertThat(atB.json()).containsEntry("code", "invalid_oauth_token");
        assertThat(check(null, forA).status()).as("two servers could be meant").isEqualTo(401);
        assertThat(check("mcp-b.example.com", tokenFor(MCP_B)).status()).isEqualTo(200);
    }

    @Test
    void eachServersRefusalPointsToItsOwnMetadataAndEachHostServesItsOwnDocument() throws IOException {
        Page anonymous = client.get(
                "/authz/check",
                "X-Original-Method",
                "GET",
                "X-Original-URI",
                "/mcp/tools",
                "X-Original-Host",
                "mcp-b.example.com");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("www-authenticate"))
                .contains("resource_metadata=\"https://mcp-b.example.com/.well-known/oauth-protected-resource/mcp\"");

        assertThat(metadataAt("mcp-a.example.com")).containsEntry("resource", MCP_A);
        assertThat(metadataAt("mcp-b.example.com")).containsEntry("resource", MCP_B);
    }

    @Test
    void aRepeatedHostHeaderIsRefused() {
        Page repeated = client.get(
                "/authz/check",
                "X-Original-Method",
                "GET",
                "X-Original-URI",
                "/mcp/tools",
                "X-Original-Host",
                "mcp-a.example.com",
                "X-Original-Host",
                "mcp-b.example.com");
        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.json()).containsEntry("code", "invalid_request");
    }

    /** The metadata document as a proxy for that host asks for it (Host is a restricted header in the JDK client). */
    private static Map<String, Object> metadataAt(String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /.well-known/oauth-protected-resource/mcp HTTP/1.1\r\nHost: " + host
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200");
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            @SuppressWarnings("unchecked")
            Map<String, Object> json = new ObjectMapper().readValue(body, Map.class);
            return json;
        }
    }
}
