package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.latchkey.app.OAuthTestClient.Page;
import dev.latchkey.app.OAuthTestClient.Person;
import dev.latchkey.app.OAuthTestClient.Pkce;
import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OAuth 2.1 authorization server over HTTP, as MCP clients use it: discovery, registration,
 * the authorization endpoint's two kinds of error, sign-in and consent, the token endpoint with
 * PKCE, refresh rotation, revocation, resource binding and connected apps.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OAuthHttpTest {
    private static final int PORT = TestApps.freePort();
    private static final String BASE = "http://127.0.0.1:" + PORT;
    private static final String MCP = BASE + "/mcp";
    private static final String CALLBACK = "http://127.0.0.1:43117/callback";
    /** Serves client metadata documents, as a client's own website would. */
    private static final WireMockServer CLIENT_SITE = started();

    static final DropwizardAppExtension<LatchkeyConfiguration> APP = TestApps.onH2(
            ConfigOverride.config("server.applicationConnectors[0].port", Integer.toString(PORT)),
            ConfigOverride.config("oauth.issuer", BASE),
            ConfigOverride.config("oauth.resources", MCP),
            // The document server is on loopback and plain http, which production refuses (SSRF).
            ConfigOverride.config("oauth.clientMetadataDocuments.allowPrivateAddresses", "true"),
            ConfigOverride.config("oauth.clientMetadataDocuments.allowHttp", "true"));

    private static WireMockServer started() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }

    @AfterAll
    static void stopClientSite() {
        CLIENT_SITE.stop();
    }

    private final OAuthTestClient client = new OAuthTestClient(BASE);

    private String publicClient() {
        return (String) client.register("none", CALLBACK).get("client_id");
    }

    private Page whoami(String token) {
        return client.get("/whoami", "Authorization", "Bearer " + token);
    }

    private Page check(String uri, String token) {
        return client.get(
                "/authz/check", "X-Original-Method", "GET", "X-Original-URI", uri, "Authorization", "Bearer " + token);
    }

    private Page refresh(String clientId, String refreshToken) {
        return client.postForm(
                "/oauth/token",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId));
    }

    private static void assertOAuthError(Page page, int status, String error) {
        assertThat(page.status()).as(page.body()).isEqualTo(status);
        assertThat(page.json()).containsEntry("error", error).containsKey("error_description");
        assertThat(page.header("cache-control")).isEqualTo("no-store");
    }

    @Test
    void discoveryNamesEveryEndpointAndEachProtectedResource() {
        Map<String, Object> server =
                client.get("/.well-known/oauth-authorization-server").json();
        assertThat(server)
                .containsEntry("issuer", BASE)
                .containsEntry("authorization_endpoint", BASE + "/oauth/authorize")
                .containsEntry("token_endpoint", BASE + "/oauth/token")
                .containsEntry("registration_endpoint", BASE + "/oauth/register")
                .containsEntry("revocation_endpoint", BASE + "/oauth/revoke")
                .containsEntry("response_types_supported", List.of("code"))
                .containsEntry(
                        "grant_types_supported",
                        List.of(
                                "authorization_code",
                                "refresh_token",
                                "client_credentials",
                                "urn:ietf:params:oauth:grant-type:token-exchange"))
                .containsEntry("code_challenge_methods_supported", List.of("S256"))
                .containsEntry(
                        "token_endpoint_auth_methods_supported",
                        List.of("none", "client_secret_post", "client_secret_basic", "private_key_jwt"))
                .containsEntry("token_endpoint_auth_signing_alg_values_supported", List.of("RS256", "PS256", "ES256"))
                .containsEntry("scopes_supported", List.of("records:read", "records:write", "pipelines:read"));
        assertThat(client.get("/.well-known/openid-configuration").status())
                .as("Latchkey issues no ID tokens, so it claims no OpenID Connect discovery")
                .isEqualTo(404);

        assertThat(client.get("/.well-known/oauth-protected-resource").json())
                .containsEntry("resource", BASE)
                .containsEntry("authorization_servers", List.of(BASE))
                .containsEntry("bearer_methods_supported", List.of("header"));
        assertThat(client.get("/.well-known/oauth-protected-resource/mcp").json())
                .containsEntry("resource", MCP);
        assertThat(client.get("/.well-known/oauth-protected-resource/elsewhere").status())
                .isEqualTo(404);
    }

    @Test
    void aRefusedRequestPointsToTheResourceMetadataAndNamesTheScope() {
        Page anonymous = client.get("/authz/check", "X-Original-Method", "GET", "X-Original-URI", "/mcp/tools");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("www-authenticate"))
                .startsWith("Bearer ")
                .contains("resource_metadata=\"" + BASE + "/.well-known/oauth-protected-resource/mcp\"");
        assertThat(anonymous.header("www-authenticate"))
                .as("what the route needs, so the client asks for just that")
                .contains("scope=\"records:read\"");

        Page ownApi = client.get("/api-keys", "Origin", "https://inspector");
        assertThat(ownApi.header("www-authenticate"))
                .contains("resource_metadata=\"" + BASE + "/.well-known/oauth-protected-resource\"")
                .contains("scope=\"api_keys:read\"");
        assertThat(ownApi.header("access-control-expose-headers")).contains("WWW-Authenticate");

        Person person = client.person();
        Pkce pkce = Pkce.fresh();
        String readOnly = (String)
                client.tokensFor(OAuthTestClient.authorization(publicClient(), CALLBACK, pkce), pkce, person.email())
                        .get("access_token");
        Page forbidden = client.get("/api-keys", "Authorization", "Bearer " + readOnly);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("www-authenticate"))
                .startsWith("Bearer ")
                .contains("error=\"insufficient_scope\"")
                .contains("scope=\"api_keys:read records:read\"")
                .as("what is needed plus what is held, so re-authorization loses nothing");
    }

    @Test
    void aForwardAuthRefusalForScopeNamesWhatTheRouteNeedsAndWhatTheCredentialHolds() {
        Person person = client.person();
        Page key = client.postJson(
                "/api-keys", Map.of("name", "reader", "scopes", List.of("records:read")), person.token());
        assertThat(key.status()).as(key.body()).isEqualTo(201);

        Page refused = client.get(
                "/authz/check",
                "X-Original-Method",
                "GET",
                "X-Original-URI",
                "/api/pipelines/p_1",
                "Authorization",
                "Bearer " + key.json().get("key"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("www-authenticate"))
                .contains("error=\"insufficient_scope\"")
                .contains("scope=\"pipelines:read records:read\"");
    }

    @Test
    void registrationAcceptsRealClientsAndNeverAnswersWithNull() {
        Map<String, Object> claude = client.postJson(
                        "/oauth/register",
                        Map.of(
                                "client_name",
                                "Claude",
                                "redirect_uris",
                                List.of("https://claude.ai/api/mcp/auth_callback"),
                                "token_endpoint_auth_method",
                                "client_secret_post",
                                "grant_types",
                                List.of("authorization_code", "refresh_token"),
                                "response_types",
                                List.of("code"),
                                "scope",
                                "",
                                "logo_uri",
                                "https://claude.ai/logo.png"),
                        null)
                .json();
        assertThat(claude)
                .containsKeys("client_id", "client_secret", "client_id_issued_at")
                .containsEntry("client_secret_expires_at", 0)
                .containsEntry("redirect_uris", List.of("https://claude.ai/api/mcp/auth_callback"))
                .containsEntry("token_endpoint_auth_method", "client_secret_post")
                .containsEntry("client_name", "Claude")
                .doesNotContainKey("logo_uri")
                .doesNotContainKey("scope");
        assertThat(claude.values()).doesNotContainNull();
        assertThat((String) claude.get("client_id")).matches("[A-Za-z0-9_-]+");

        Page cursor = client.postJson(
                "/oauth/register",
                Map.of(
                        "redirect_uris",
                        List.of(
                                "cursor://anysphere.cursor-mcp/oauth/callback",
                                "http://localhost:7777/callback",
                                "http://[::1]/cb"),
                        "token_endpoint_auth_method",
                        "none"),
                null);
        assertThat(cursor.status()).isEqualTo(201);
        assertThat(cursor.json()).doesNotContainKey("client_secret").doesNotContainKey("client_name");
        assertThat(cursor.header("cache-control")).isEqualTo("no-store");
    }

    @Test
    void registrationRefusesDangerousRedirectsAndUnknownMethods() {
        for (String bad : List.of(
                "javascript:alert(1)",
                "data:text/html,hi",
                "file:///etc/passwd",
                "http://evil.example/cb",
                "https://claude.ai/cb#fragment",
                "/relative")) {
            assertOAuthError(
                    client.postJson(
                            "/oauth/register",
                            Map.of("redirect_uris", List.of(bad), "token_endpoint_auth_method", "none"),
                            null),
                    400,
                    "invalid_redirect_uri");
        }
        assertOAuthError(
                client.postJson("/oauth/register", Map.of("token_endpoint_auth_method", "none"), null),
                400,
                "invalid_redirect_uri");
        assertOAuthError(
                client.postJson(
                        "/oauth/register",
                        Map.of("redirect_uris", List.of(CALLBACK), "token_endpoint_auth_method", "private_key_jwt"),
                        null),
                400,
                "invalid_client_metadata");
        assertOAuthError(
                client.postJson(
                        "/oauth/register",
                        Map.of("redirect_uris", List.of(CALLBACK), "grant_types", List.of("client_credentials")),
                        null),
                400,
                "invalid_client_metadata");
    }

    @Test
    void aPublicClientGetsTokensThatWorkOnlyAtTheirResource() {
        Person person = client.person();
        String clientId = publicClient();
        Pkce pkce = Pkce.fresh();
        Map<String, String> parameters = OAuthTestClient.authorization(clientId, CALLBACK, pkce);
        parameters.put("scope", "records:read records:write");

        Page login = client.authorize(parameters);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("Sign in").contains("Test Client none");
        assertThat(login.header("content-security-policy")).contains("frame-ancestors 'none'");
        assertThat(login.header("x-frame-options")).isEqualTo("DENY");

        Map<String, String> wrong = new LinkedHashMap<>(login.hiddenFields());
        wrong.put("email", person.email());
        wrong.put("password", "not the password");
        Page refused = client.postForm("/oauth/login", wrong);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("The email or password is not right.");

        String cookie = client.signIn(parameters, person.email());
        Page consent = client.authorize(parameters, "Cookie", cookie);
        assertThat(consent.status()).isEqualTo(200);
        assertThat(consent.body())
                .contains("Authorize Test Client none?")
                .contains("Acme")
                .contains("Read the records in your workspace")
                .contains("Create, change and delete records in your workspace")
                .contains("Approve")
                .contains("Deny");
        assertThat(consent.header("content-security-policy")).contains("frame-ancestors 'none'");
        assertThat(consent.header("cache-control")).isEqualTo("no-store");

        Map<String, String> approve = new LinkedHashMap<>(consent.hiddenFields());
        approve.put("decision", "approve");
        Page approved = client.postForm("/oauth/authorize", approve, "Cookie", cookie);
        assertThat(approved.status()).isEqualTo(303);
        assertThat(approved.header("location")).startsWith(CALLBACK + "?code=");
        assertThat(approved.redirectParameters())
                .containsEntry("state", parameters.get("state"))
                .containsEntry("iss", BASE);

        Page exchanged = client.postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        approved.redirectParameters().get("code"),
                        "redirect_uri",
                        CALLBACK,
                        "client_id",
                        clientId,
                        "code_verifier",
                        pkce.verifier(),
                        "resource",
                        BASE + "/"));
        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
        assertThat(exchanged.header("cache-control")).isEqualTo("no-store");
        Map<String, Object> tokens = exchanged.json();
        assertThat(tokens)
                .containsEntry("token_type", "Bearer")
                .containsEntry("expires_in", 3600)
                .containsEntry("scope", "records:read records:write");
        assertThat((String) tokens.get("access_token")).startsWith("lk_oat_");
        assertThat((String) tokens.get("refresh_token")).startsWith("lk_ort_");
        assertThat(tokens.values()).doesNotContainNull();

        String access = (String) tokens.get("access_token");
        Page me = whoami(access);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json()).containsEntry("credential_kind", "oauth");
        Page elsewhere = check("/mcp/tools", access);
        assertThat(elsewhere.status())
                .as("a token for Latchkey's API is refused at the MCP resource")
                .isEqualTo(401);
        assertThat(elsewhere.json()).containsEntry("code", "invalid_oauth_token");
    }

    @Test
    void aTokenForTheMcpResourceWorksThereAndNowhereElse() {
        Person person = client.person();
        Pkce pkce = Pkce.fresh();
        Map<String, String> parameters = OAuthTestClient.authorization(publicClient(), CALLBACK, pkce);
        parameters.put("resource", MCP + "/");
        String access =
                (String) client.tokensFor(parameters, pkce, person.email()).get("access_token");

        Page allowed = check("/mcp/tools", access);
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(allowed.header("x-latchkey-credential-kind")).isEqualTo("oauth");
        assertThat(whoami(access).json()).containsEntry("code", "invalid_oauth_token");
    }

    @Test
    void errorsBeforeTheRedirectIsTrustedAreShownNotRedirected() {
        String clientId = publicClient();
        Pkce pkce = Pkce.fresh();
        Page unknownClient = client.authorize(OAuthTestClient.authorization("client_nope", CALLBACK, pkce));
        assertThat(unknownClient.status()).isEqualTo(400);
        assertThat(unknownClient.header("location")).isNull();
        assertThat(unknownClient.body()).contains("register again");

        Page foreignRedirect =
                client.authorize(OAuthTestClient.authorization(clientId, "https://evil.example/cb", pkce));
        assertThat(foreignRedirect.status()).isEqualTo(400);
        assertThat(foreignRedirect.header("location")).isNull();

        Page otherHost =
                client.authorize(OAuthTestClient.authorization(clientId, "http://localhost:43117/callback", pkce));
        assertThat(otherHost.status()).as("localhost is not 127.0.0.1").isEqualTo(400);

        Page otherPort =
                client.authorize(OAuthTestClient.authorization(clientId, "http://127.0.0.1:50123/callback", pkce));
        assertThat(otherPort.status())
                .as("a loopback redirect matches on any port")
                .isEqualTo(200);
    }

    @Test
    void scopeWordsThisServerDoesNotOfferAreDroppedNotFatalAndTheTokenSaysWhatWasGranted() {
        Page registered = client.postJson(
                "/oauth/register",
                Map.of(
                        "client_name",
                        "Claude",
                        "redirect_uris",
                        List.of(CALLBACK),
                        "token_endpoint_auth_method",
                        "none",
                        "scope",
                        "openid profile email offline_access claudeai records:read"),
                null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json()).containsEntry("scope", "records:read");

        Person person = client.person();
        Pkce pkce = Pkce.fresh();
        Map<String, String> parameters = new LinkedHashMap<>(
                OAuthTestClient.authorization((String) registered.json().get("client_id"), CALLBACK, pkce));
        parameters.put("scope", "openid offline_access claudeai records:read admin:everything");
        Map<String, Object> tokens = client.tokensFor(parameters, pkce, person.email());

        assertThat(tokens).containsEntry("scope", "records:read").containsKey("refresh_token");
        Page refreshed = client.postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        (String) tokens.get("refresh_token"),
                        "client_id",
                        (String) registered.json().get("client_id"),
                        "scope",
                        "offline_access records:read"));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.json()).containsEntry("scope", "records:read");
    }

    @Test
    void errorsAfterThatGoBackToTheClient() {
        String clientId = publicClient();
        Pkce pkce = Pkce.fresh();
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("invalid_request", Map.of("code_challenge_method", "plain"));
        cases.put("unsupported_response_type", Map.of("response_type", "token"));
        cases.put("invalid_target", Map.of("resource", "https://elsewhere.example/api"));
        cases.put("invalid_scope", Map.of("scope", "records:read ".repeat(200)));
        cases.forEach((error, change) -> {
            Map<String, String> parameters = OAuthTestClient.authorization(clientId, CALLBACK, pkce);
            parameters.putAll(change);
            Page page = client.authorize(parameters);
            assertThat(page.status()).as(error).isEqualTo(302);
            assertThat(page.redirectParameters())
                    .as(error)
                    .containsEntry("error", error)
                    .containsEntry("state", parameters.get("state"))
                    .containsEntry("iss", BASE);
        });
        Map<String, String> noChallenge = OAuthTestClient.authorization(clientId, CALLBACK, pkce);
        noChallenge.remove("code_challenge");
        assertThat(client.authorize(noChallenge).redirectParameters()).containsEntry("error", "invalid_request");
    }

    @Test
    void consentNeedsTheFormsOwnTokenAndDenialTellsTheClient() {
        Person person = client.person();
        Map<String, String> parameters = OAuthTestClient.authorization(publicClient(), CALLBACK, Pkce.fresh());
        String cookie = client.signIn(parameters, person.email());
        Map<String, String> form = new LinkedHashMap<>(
                client.authorize(parameters, "Cookie", cookie).hiddenFields());

        Map<String, String> forged = new LinkedHashMap<>(form);
        forged.put("csrf_token", "0".repeat(64));
        forged.put("decision", "approve");
        assertThat(client.postForm("/oauth/authorize", forged, "Cookie", cookie).status())
                .isEqualTo(403);

        form.put("decision", "deny");
        Page denied = client.postForm("/oauth/authorize", form, "Cookie", cookie);
        assertThat(denied.status()).isEqualTo(303);
        assertThat(denied.redirectParameters())
                .containsEntry("error", "access_denied")
                .containsEntry("state", parameters.get("state"));

        Map<String, String> noSession = new LinkedHashMap<>(form);
        noSession.put("decision", "approve");
        assertThat(client.postForm("/oauth/authorize", noSession).status()).isEqualTo(401);
    }

    @Test
    void codesAreSingleUseAndBoundToTheirVerifierClientAndRedirect() {
        Person person = client.person();
        String clientId = publicClient();
        Pkce pkce = Pkce.fresh();
        Map<String, String> parameters = OAuthTestClient.authorization(clientId, CALLBACK, pkce);
        String code =
                client.approve(parameters, person.email()).redirectParameters().get("code");
        Map<String, String> exchange = new LinkedHashMap<>(Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                CALLBACK,
                "client_id",
                clientId,
                "code_verifier",
                pkce.verifier()));

        Map<String, String> wrongVerifier = new LinkedHashMap<>(exchange);
        wrongVerifier.put("code_verifier", Pkce.fresh().verifier());
        assertOAuthError(client.postForm("/oauth/token", wrongVerifier), 400, "invalid_grant");
        assertOAuthError(client.postForm("/oauth/token", exchange), 400, "invalid_grant");

        Pkce second = Pkce.fresh();
        Map<String, String> again = OAuthTestClient.authorization(clientId, CALLBACK, second);
        String code2 =
                client.approve(again, person.email()).redirectParameters().get("code");
        Map<String, String> otherRedirect = new LinkedHashMap<>(Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code2,
                "redirect_uri",
                "http://127.0.0.1:43117/other",
                "client_id",
                clientId,
                "code_verifier",
                second.verifier()));
        assertOAuthError(client.postForm("/oauth/token", otherRedirect), 400, "invalid_grant");

        Pkce third = Pkce.fresh();
        Map<String, String> another = OAuthTestClient.authorization(clientId, CALLBACK, third);
        String code3 =
                client.approve(another, person.email()).redirectParameters().get("code");
        Map<String, String> byOtherClient = Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code3,
                "redirect_uri",
                CALLBACK,
                "client_id",
                publicClient(),
                "code_verifier",
                third.verifier());
        assertOAuthError(client.postForm("/oauth/token", byOtherClient), 400, "invalid_grant");
    }

    @Test
    void aReplayedCodeRevokesTheTokensItProduced() {
        Person person = client.person();
        String clientId = publicClient();
        Pkce pkce = Pkce.fresh();
        Map<String, String> parameters = OAuthTestClient.authorization(clientId, CALLBACK, pkce);
        String code =
                client.approve(parameters, person.email()).redirectParameters().get("code");
        Map<String, String> exchange = Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                CALLBACK,
                "client_id",
                clientId,
                "code_verifier",
                pkce.verifier());
        Page first = client.postForm("/oauth/token", exchange);
        String access = (String) first.json().get("access_token");
        assertThat(whoami(access).status()).isEqualTo(200);

        assertOAuthError(client.postForm("/oauth/token", exchange), 400, "invalid_grant");
        assertThat(whoami(access).json()).containsEntry("code", "invalid_oauth_token");
        assertOAuthError(refresh(clientId, (String) first.json().get("refresh_token")), 400, "invalid_grant");
    }

    @Test
    void refreshRotatesAndAReusedRefreshTokenRevokesTheFamily() {
        Person person = client.person();
        String clientId = publicClient();
        Pkce pkce = Pkce.fresh();
        Map<String, String> parameters = OAuthTestClient.authorization(clientId, CALLBACK, pkce);
        parameters.put("scope", "records:read records:write");
        Map<String, Object> first = client.tokensFor(parameters, pkce, person.email());

        Page narrowed = client.postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        (String) first.get("refresh_token"),
                        "client_id",
                        clientId,
                        "scope",
                        "records:read"));
        assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
        Map<String, Object> second = narrowed.json();
        assertThat(second).containsEntry("scope", "records:read");
        assertThat(second.get("refresh_token")).isNotEqualTo(first.get("refresh_token"));
        assertOAuthError(
                client.postForm(
                        "/oauth/token",
                        Map.of(
                                "grant_type",
                                "refresh_token",
                                "refresh_token",
                                (String) second.get("refresh_token"),
                                "client_id",
                                clientId,
                                "scope",
                                "records:write pipelines:read")),
                400,
                "invalid_scope");

        // This server's test configuration has no reuse grace: a replay is theft at once.
        assertOAuthError(refresh(clientId, (String) first.get("refresh_token")), 400, "invalid_grant");
        assertThat(whoami((String) second.get("access_token")).json()).containsEntry("code", "invalid_oauth_token");
        assertOAuthError(refresh(clientId, (String) second.get("refresh_token")), 400, "invalid_grant");
    }

    @Test
    void aRefreshMayAskAgainForAnyPartOfWhatThePersonOriginallyApproved() {
        Person person = client.person();
        String clientId = publicClient();
        Pkce pkce = Pkce.fresh();
        Map<String, String> parameters = OAuthTestClient.authorization(clientId, CALLBACK, pkce);
        parameters.put("scope", "records:read records:write");
        String refreshToken =
                (String) client.tokensFor(parameters, pkce, person.email()).get("refresh_token");

        Map<String, Object> readOnly = refreshFor(clientId, refreshToken, "records:read");
        assertThat(readOnly).containsEntry("scope", "records:read");
        Map<String, Object> writeOnly = refreshFor(clientId, (String) readOnly.get("refresh_token"), "records:write");
        assertThat(writeOnly)
                .as("narrower than the last refresh allowed, not than the grant")
                .containsEntry("scope", "records:write");
        Map<String, Object> everything = refreshFor(clientId, (String) writeOnly.get("refresh_token"), null);
        assertThat(everything)
                .as("no scope asked: the scope originally granted (RFC 6749 §6)")
                .containsEntry("scope", "records:read records:write");
    }

    private Map<String, Object> refreshFor(String clientId, String refreshToken, String scope) {
        Map<String, String> form = new LinkedHashMap<>(
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId));
        if (scope != null) {
            form.put("scope", scope);
        }
        Page page = client.postForm("/oauth/token", form);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json();
    }

    @Test
    void confidentialClientsAuthenticateByBasicOrPostAndNothingElse() {
        Person person = client.person();
        Map<String, Object> registered = client.register("client_secret_basic", CALLBACK);
        String clientId = (String) registered.get("client_id");
        String secret = (String) registered.get("client_secret");
        Pkce pkce = Pkce.fresh();
        Map<String, String> parameters = OAuthTestClient.authorization(clientId, CALLBACK, pkce);
        String code =
                client.approve(parameters, person.email()).redirectParameters().get("code");
        Map<String, String> exchange = Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                CALLBACK,
                "code_verifier",
                pkce.verifier());

        Page wrongSecret =
                client.postForm("/oauth/token", exchange, "Authorization", OAuthTestClient.basic(clientId, "wrong"));
        assertOAuthError(wrongSecret, 401, "invalid_client");
        assertThat(wrongSecret.header("www-authenticate")).startsWith("Basic");
        Map<String, String> noSecret = new LinkedHashMap<>(exchange);
        noSecret.put("client_id", clientId);
        assertOAuthError(client.postForm("/oauth/token", noSecret), 401, "invalid_client");

        Page basic =
                client.postForm("/oauth/token", exchange, "Authorization", OAuthTestClient.basic(clientId, secret));
        assertThat(basic.status()).as(basic.body()).isEqualTo(200);
        Page post = client.postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "refresh_token",
                        "client_id",
                        clientId,
                        "client_secret",
                        secret,
                        "refresh_token",
                        (String) basic.json().get("refresh_token")));
        assertThat(post.status()).as(post.body()).isEqualTo(200);
    }

    @Test
    void theTokenEndpointNamesWhatIsWrong() {
        String clientId = publicClient();
        assertOAuthError(client.postForm("/oauth/token", Map.of("client_id", clientId)), 400, "invalid_request");
        assertOAuthError(
                client.postForm("/oauth/token", Map.of("client_id", clientId, "grant_type", "password")),
                400,
                "unsupported_grant_type");
        assertOAuthError(
                client.postForm(
                        "/oauth/token",
                        Map.of("client_id", "client_nope", "grant_type", "refresh_token", "refresh_token", "lk_ort_x")),
                401,
                "invalid_client");
        assertOAuthError(
                client.postForm(
                        "/oauth/token",
                        Map.of(
                                "client_id",
                                clientId,
                                "grant_type",
                                "authorization_code",
                                "code",
                                "nope",
                                "redirect_uri",
                                CALLBACK,
                                "code_verifier",
                                "v".repeat(43))),
                400,
                "invalid_grant");
    }

    @Test
    void revokedTokensAndDisconnectedClientsStopWorking() {
        Person person = client.person();
        String clientId = publicClient();
        Pkce pkce = Pkce.fresh();
        Map<String, Object> tokens =
                client.tokensFor(OAuthTestClient.authorization(clientId, CALLBACK, pkce), pkce, person.email());
        String access = (String) tokens.get("access_token");
        assertThat(whoami(access).status()).isEqualTo(200);
        Page revoked = client.postForm("/oauth/revoke", Map.of("token", access, "client_id", clientId));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(whoami(access).json()).containsEntry("code", "invalid_oauth_token");
        assertThat(client.postForm("/oauth/revoke", Map.of("token", "lk_oat_unknown", "client_id", clientId))
                        .status())
                .as("unknown tokens are not told apart")
                .isEqualTo(200);

        String otherClient = publicClient();
        Pkce again = Pkce.fresh();
        String other = (String)
                client.tokensFor(OAuthTestClient.authorization(otherClient, CALLBACK, again), again, person.email())
                        .get("access_token");
        Page connections = client.get("/oauth/connections", "Authorization", "Bearer " + person.token());
        assertThat(connections.status()).as(connections.body()).isEqualTo(200);
        assertThat(connections.body()).contains(otherClient).doesNotContain(clientId);
        assertThat(client.get("/oauth/connections", "Authorization", "Bearer " + other)
                        .status())
                .as("a client cannot list its peers")
                .isEqualTo(403);

        Page disconnected = client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + "/oauth/connections/" + otherClient))
                        .header("Authorization", "Bearer " + person.token())
                        .DELETE());
        assertThat(disconnected.status()).isEqualTo(204);
        assertThat(whoami(other).json()).containsEntry("code", "invalid_oauth_token");
    }

    @Test
    void tooManyMetadataDocumentsInFlightIs503WithRetryAfterNotABadRequest() throws Exception {
        CLIENT_SITE.stubFor(WireMock.get(WireMock.urlMatching("/slow/.*"))
                .willReturn(WireMock.okJson("{}").withFixedDelay(2_000)));
        Pkce pkce = Pkce.fresh();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Page>>();
            for (int i = 0; i < 20; i++) {
                String clientId =
                        "http://127.0.0.1:" + CLIENT_SITE.port() + "/slow/c" + i + "-" + UUID.randomUUID() + ".json";
                answers.add(
                        pool.submit(() -> client.authorize(OAuthTestClient.authorization(clientId, CALLBACK, pkce))));
            }
            var busy = new java.util.ArrayList<Page>();
            for (var answer : answers) {
                Page page = answer.get();
                assertThat(page.status()).as(page.body()).isIn(400, 503);
                if (page.status() == 503) {
                    busy.add(page);
                }
            }
            assertThat(busy).as("beyond the cap of concurrent fetches").isNotEmpty();
            assertThat(busy.get(0).header("retry-after")).isEqualTo("1");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClientIdentifiedByItsMetadataDocumentNeedsNoRegistration() {
        String clientId = "http://127.0.0.1:" + CLIENT_SITE.port() + "/oauth/client.json";
        CLIENT_SITE.stubFor(WireMock.get("/oauth/client.json")
                .willReturn(WireMock.okJson("{\"client_id\":\"" + clientId
                        + "\",\"client_name\":\"Document Client\",\"redirect_uris\":[\"" + CALLBACK + "\"]}")));
        Person person = client.person();
        Pkce pkce = Pkce.fresh();
        Map<String, String> parameters = OAuthTestClient.authorization(clientId, CALLBACK, pkce);
        assertThat(client.authorize(parameters).body()).contains("Document Client");

        Map<String, Object> tokens = client.tokensFor(parameters, pkce, person.email());
        assertThat(whoami((String) tokens.get("access_token")).status()).isEqualTo(200);

        String impostor = "http://127.0.0.1:" + CLIENT_SITE.port() + "/oauth/impostor.json";
        CLIENT_SITE.stubFor(WireMock.get("/oauth/impostor.json")
                .willReturn(WireMock.okJson(
                        "{\"client_id\":\"" + clientId + "\",\"redirect_uris\":[\"" + CALLBACK + "\"]}")));
        Page refused = client.authorize(OAuthTestClient.authorization(impostor, CALLBACK, pkce));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("location")).isNull();
    }

    @Test
    void browserClientsMayCallTheTokenEndpointButNotTheConsentPage() {
        Page preflight = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + "/oauth/token"))
                .header("Origin", "http://localhost:6274")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, mcp-protocol-version")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("access-control-allow-origin")).isEqualTo("*");
        assertThat(preflight.header("access-control-allow-headers")).contains("MCP-Protocol-Version");

        Page metadata = client.get("/.well-known/oauth-protected-resource", "Origin", "http://localhost:6274");
        assertThat(metadata.header("access-control-allow-origin")).isEqualTo("*");
        Page consent = client.get("/oauth/authorize?client_id=x", "Origin", "http://localhost:6274");
        assertThat(consent.header("access-control-allow-origin")).isNull();
    }

    @Test
    void aSignInFormPostedFromAnotherSiteIsRefusedAndSetsNoSession() {
        Person person = client.person();
        Map<String, String> parameters = OAuthTestClient.authorization(publicClient(), CALLBACK, Pkce.fresh());
        Map<String, String> form =
                new java.util.LinkedHashMap<>(client.authorize(parameters).hiddenFields());
        form.put("email", person.email());
        form.put("password", OAuthTestClient.PASSWORD);

        for (String[] from : new String[][] {
            {"Origin", "https://evil.example"}, {"Sec-Fetch-Site", "cross-site"}, {"Sec-Fetch-Site", "same-site"}
        }) {
            Page refused = client.postForm("/oauth/login", form, from[0], from[1]);
            assertThat(refused.status()).as(from[0] + ": " + from[1]).isEqualTo(403);
            assertThat(refused.header("set-cookie")).isNull();
            Page console = client.postForm(
                    "/console/login",
                    Map.of("email", person.email(), "password", OAuthTestClient.PASSWORD),
                    from[0],
                    from[1]);
            assertThat(console.status()).isEqualTo(403);
            assertThat(console.header("set-cookie")).isNull();
        }
        assertThat(client.postForm("/oauth/login", form, "Sec-Fetch-Site", "same-origin")
                        .status())
                .as("the page's own post")
                .isEqualTo(303);
        assertThat(client.postForm("/oauth/login", form, "Origin", "null").status())
                .as("a no-referrer page's own post, from a browser without Fetch Metadata")
                .isEqualTo(303);
    }

    @Test
    void logOutEverywhereEndsThePersonsOAuthTokensAtOnceAndRefusesTheirRefreshTokens() {
        Person person = client.person();
        String clientId = publicClient();
        Pkce pkce = Pkce.fresh();
        Map<String, Object> tokens =
                client.tokensFor(OAuthTestClient.authorization(clientId, CALLBACK, pkce), pkce, person.email());
        String access = (String) tokens.get("access_token");
        assertThat(whoami(access).status()).isEqualTo(200);

        assertThat(client.postJson("/auth/logout-everywhere", Map.of(), person.token())
                        .status())
                .isEqualTo(204);

        assertThat(whoami(access).status())
                .as("at once, not after the revalidation window")
                .isEqualTo(401);
        assertOAuthError(refresh(clientId, (String) tokens.get("refresh_token")), 400, "invalid_grant");
    }

    @Test
    void theSignInCookieIsASessionNotAnApiCredential() {
        Person person = client.person();
        Map<String, String> parameters = OAuthTestClient.authorization(publicClient(), CALLBACK, Pkce.fresh());
        String cookie = client.signIn(parameters, person.email());
        String value = cookie.substring(cookie.indexOf('=') + 1);

        Page asBearer = whoami(value);
        assertThat(asBearer.status()).isEqualTo(401);
        assertThat(asBearer.json()).containsEntry("code", "invalid_jwt");
        assertThat(client.authorize(parameters, "Cookie", cookie).body())
                .as("the consent page accepts it")
                .contains("decision");

        assertThat(client.postJson("/auth/logout-everywhere", Map.of(), person.token())
                        .status())
                .isEqualTo(204);
        assertThat(client.authorize(parameters, "Cookie", cookie).body())
                .as("and logout everywhere ends it")
                .doesNotContain("name=\"decision\"");
    }
}
