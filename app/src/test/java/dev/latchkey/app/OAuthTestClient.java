package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small OAuth client and browser for the HTTP tests: raw requests that never follow redirects,
 * so each status, header and page can be asserted; forms filled from the pages' own hidden fields.
 */
final class OAuthTestClient {
    static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * One connection pool per client, not per JVM: test classes start servers on ports an earlier,
     * stopped one may have used, and a pooled connection to that one fails the next request with
     * "header parser received no bytes".
     */
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final String base;

    OAuthTestClient(String base) {
        this.base = base;
    }

    record Page(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        Map<String, Object> json() {
            try {
                return JSON.readValue(body, new TypeReference<>() {});
            } catch (IOException e) {
                throw new UncheckedIOException(body, e);
            }
        }

        /** The query parameters of the Location header. */
        Map<String, String> redirectParameters() {
            return query(URI.create(header("location")).getRawQuery());
        }

        Map<String, String> hiddenFields() {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher m = HIDDEN.matcher(body);
            while (m.find()) {
                fields.put(
                        m.group(1),
                        m.group(2)
                                .replace("&quot;", "\"")
                                .replace("&#39;", "'")
                                .replace("&lt;", "<")
                                .replace("&gt;", ">")
                                .replace("&amp;", "&"));
            }
            return fields;
        }
    }

    /** A PKCE pair. */
    record Pkce(String verifier, String challenge) {
        static Pkce fresh() {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                byte[] digest =
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(
                        verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A person with an account and a workspace; {@code token} is their workspace-bound user token. */
    record Person(String email, String token) {}

    Person person() {
        String email = "p-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Page registered = postJson("/auth/register", Map.of("email", email, "password", PASSWORD), null);
        assertThat(registered.status()).isEqualTo(201);
        Page bootstrapped = postJson("/workspaces/bootstrap", Map.of("name", "Acme"), (String)
                registered.json().get("access_token"));
        assertThat(bootstrapped.status()).as(bootstrapped.body()).isIn(200, 201);
        return new Person(email, (String) bootstrapped.json().get("access_token"));
    }

    Page postJson(String path, Object body, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Page postForm(String path, Map<String, String> form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    Page get(String pathAndQuery, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers()
                    .map()
                    .forEach((name, values) ->
                            headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            return new Page(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers a client; returns the registration response. */
    Map<String, Object> register(String method, String redirectUri) {
        Page page = postJson(
                "/oauth/register",
                Map.of(
                        "client_name",
                        "Test Client " + method,
                        "redirect_uris",
                        java.util.List.of(redirectUri),
                        "token_endpoint_auth_method",
                        method),
                null);
        assertThat(page.status()).as(page.body()).isEqualTo(201);
        return page.json();
    }

    static Map<String, String> authorization(String clientId, String redirectUri, Pkce pkce) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("response_type", "code");
        p.put("client_id", clientId);
        p.put("redirect_uri", redirectUri);
        p.put("code_challenge", pkce.challenge());
        p.put("code_challenge_method", "S256");
        p.put("state", "st-" + UUID.randomUUID());
        return p;
    }

    Page authorize(Map<String, String> parameters, String... headers) {
        return get("/oauth/authorize?" + encode(parameters), headers);
    }

    /** Signs in through the login form of an authorization request; returns the session cookie. */
    String signIn(Map<String, String> parameters, String email) {
        return signIn(parameters, Map.of("email", email, "password", PASSWORD));
    }

    /** Signs in with the given credential fields (a password, or a trusted issuer's token). */
    String signIn(Map<String, String> parameters, Map<String, String> credentials) {
        Map<String, String> form = new LinkedHashMap<>(authorize(parameters).hiddenFields());
        form.putAll(credentials);
        Page signedIn = postForm("/oauth/login", form);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
        return signedIn.header("set-cookie").split(";")[0];
    }

    /** Signs in, approves on the consent page, returns the redirect. */
    Page approve(Map<String, String> parameters, String email) {
        return approveWithSession(parameters, signIn(parameters, email));
    }

    Page approveWithSession(Map<String, String> parameters, String cookie) {
        Page consent = authorize(parameters, "Cookie", cookie);
        assertThat(consent.status()).as(consent.body()).isEqualTo(200);
        Map<String, String> form = new LinkedHashMap<>(consent.hiddenFields());
        form.put("decision", "approve");
        return postForm("/oauth/authorize", form, "Cookie", cookie);
    }

    /** The whole flow for a public client: returns the token response. */
    Map<String, Object> tokensFor(Map<String, String> parameters, Pkce pkce, String email) {
        return tokensWithSession(parameters, pkce, signIn(parameters, email));
    }

    Map<String, Object> tokensWithSession(Map<String, String> parameters, Pkce pkce, String cookie) {
        Page approved = approveWithSession(parameters, cookie);
        assertThat(approved.status()).as(approved.body()).isEqualTo(303);
        return exchange(parameters, pkce, approved);
    }

    /** A handed-off authorization: where Latchkey sent the browser, and the cookie it set there. */
    record HandedOff(String requestId, String location, String cookie) {}

    /** {@code /oauth/authorize} when the platform's app asks people: a 302 to the app with a request id. */
    HandedOff handOff(Map<String, String> parameters) {
        Page started = authorize(parameters);
        assertThat(started.status()).as(started.body()).isEqualTo(302);
        String location = started.header("location");
        String requestId = query(URI.create(location).getRawQuery()).get("request_id");
        assertThat(requestId).as(location).isNotBlank();
        return new HandedOff(requestId, location, started.header("set-cookie").split(";")[0]);
    }

    /** What the platform's app does with the person's own credential: read the request, approve it. */
    Page approveAsTheApp(HandedOff handedOff, String bearer, String workspaceId) {
        return postJson(
                "/oauth/authorization-requests/" + handedOff.requestId(),
                Map.of("decision", "approve", "workspace_id", workspaceId),
                bearer);
    }

    /** The browser back at Latchkey after the app recorded the decision. */
    Page resume(String redirectTo, String cookie) {
        URI back = URI.create(redirectTo);
        return get(back.getRawPath() + "?" + back.getRawQuery(), "Cookie", cookie);
    }

    /** The whole handoff for a person holding {@code bearer}, approving in their first workspace. */
    Map<String, Object> tokensThroughHandoff(Map<String, String> parameters, Pkce pkce, String bearer) {
        HandedOff handedOff = handOff(parameters);
        Page request =
                get("/oauth/authorization-requests/" + handedOff.requestId(), "Authorization", "Bearer " + bearer);
        assertThat(request.status()).as(request.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> workspaces =
                (List<Map<String, Object>>) request.json().get("workspaces");
        Page decided =
                approveAsTheApp(handedOff, bearer, (String) workspaces.get(0).get("workspace_id"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        Page back = resume((String) decided.json().get("redirect_to"), handedOff.cookie());
        assertThat(back.status()).as(back.body()).isEqualTo(303);
        return exchange(parameters, pkce, back);
    }

    private Map<String, Object> exchange(Map<String, String> parameters, Pkce pkce, Page approved) {
        Page exchanged = postForm(
                "/oauth/token",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        approved.redirectParameters().get("code"),
                        "redirect_uri",
                        parameters.get("redirect_uri"),
                        "client_id",
                        parameters.get("client_id"),
                        "code_verifier",
                        pkce.verifier()));
        assertThat(exchanged.status()).as(exchanged.body()).isEqualTo(200);
        return exchanged.json();
    }

    static String encode(Map<String, String> form) {
        StringBuilder out = new StringBuilder();
        form.forEach((name, value) -> out.append(out.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : Optional.ofNullable(rawQuery).orElse("").split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                parameters.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    static String basic(String clientId, String secret) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                                        + URLEncoder.encode(secret, StandardCharsets.UTF_8))
                                .getBytes(StandardCharsets.UTF_8));
    }
}
