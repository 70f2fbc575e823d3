package dev.latchkey.app;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * A generated corpus of hostile requests: malformed and forged credentials, header and encoding
 * abuse, injection strings in every field, path tricks for forward-auth, and OAuth redirect and
 * PKCE tricks. Seeded, so a failure names a case that can be replayed.
 */
final class HostileCorpus {
    /** What a case must not achieve. */
    enum Expect {
        /** A 4xx: the request proves nothing and is refused. */
        REFUSED,
        /** Not redirected anywhere but the client's registered redirect URI. */
        NO_FOREIGN_REDIRECT,
        /** Whatever the outcome, no server error. */
        NO_SERVER_ERROR
    }

    record Case(String name, String method, String target, List<byte[]> headers, byte[] body, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1",
            "\"; DROP TABLE api_keys;--",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1:1/a}",
            "{{7*7}}",
            "../../etc/passwd",
            "%00",
            "\u0000",
            "\r\nX-Injected: 1",
            "x".repeat(10_000),
            "\u202egnp.exe",
            "😀🔑",
            "$(reboot)",
            "`id`",
            "{\"$gt\":\"\"}",
            "*",
            "%s%s%s%n",
            "null",
            "[]",
            "\\\\server\\share",
            "admin'--",
            "\u0085\u2028",
            "0x7fffffff",
            "-1");

    private final Random random = new Random(20261124L);
    private final List<Case> cases = new ArrayList<>();

    static List<Case> generate(String apiKey, String userToken, String clientId, String registeredRedirect) {
        HostileCorpus corpus = new HostileCorpus();
        corpus.apiKeyMutations(apiKey);
        corpus.jwtForgeries(userToken);
        corpus.sealedTokenForgeries();
        corpus.headerAbuse(apiKey);
        corpus.injections();
        corpus.forwardAuthPaths();
        corpus.ambiguousOriginalRequests(apiKey);
        corpus.fieldsPastTheirLimits(apiKey);
        corpus.authorizationTricks(clientId, registeredRedirect);
        corpus.tokenEndpointTricks(clientId, registeredRedirect);
        corpus.stateAndRevocationInjections(clientId, registeredRedirect);
        return corpus.cases;
    }

    private void add(String name, String method, String target, List<byte[]> headers, String body, Expect expect) {
        cases.add(new Case(name, method, target, headers, body.getBytes(StandardCharsets.UTF_8), expect));
    }

    private void bearer(String name, String credential) {
        add(
                name + " as bearer",
                "GET",
                "/whoami",
                List.of(RawHttp.header("Authorization", "Bearer " + credential)),
                "",
                Expect.REFUSED);
    }

    private void apiKeyMutations(String key) {
        String base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        for (int i = 8; i < key.length(); i++) {
            char replacement;
            do {
                replacement = base62.charAt(random.nextInt(base62.length()));
            } while (replacement == key.charAt(i));
            String mutated = key.substring(0, i) + replacement + key.substring(i + 1);
            bearer("key with character " + i + " changed", mutated);
            add(
                    "key with character " + i + " changed in X-API-Key",
                    "GET",
                    "/whoami",
                    List.of(RawHttp.header("X-API-Key", mutated)),
                    "",
                    Expect.REFUSED);
        }
        for (int length = 1; length < key.length(); length += 1) {
            bearer("key truncated to " + length, key.substring(0, length));
        }
        for (int extra = 1; extra <= 6; extra++) {
            bearer("key extended by " + extra, key + "A".repeat(extra));
        }
        for (int i = 8; i < key.length(); i += 3) {
            char c = key.charAt(i);
            char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
            if (flipped != c) {
                bearer("key with case flipped at " + i, key.substring(0, i) + flipped + key.substring(i + 1));
            }
        }
        for (String prefix : List.of("sk_test_", "SK_LIVE_", "sk_live", "sk__live_", "pk_live_", "sk_live_sk_live_")) {
            bearer("key with prefix " + prefix, prefix + key.substring(8));
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Text in the sealed machine token's format that no key of this server sealed: refused, never a 500. */
    private void sealedTokenForgeries() {
        String payload = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("\u0000\u0005oat_1\u0000\u0005mcl_1\u0000\u0004ws_1".getBytes(StandardCharsets.UTF_8));
        for (String forged : List.of(
                "lk_oat_m1.",
                "lk_oat_m1..",
                "lk_oat_m1." + payload,
                "lk_oat_m1." + payload + ".",
                "lk_oat_m1." + payload + "." + "A".repeat(43),
                "lk_oat_m1.%%%." + "A".repeat(43),
                "lk_oat_m1." + "A".repeat(5000) + "." + "B".repeat(43),
                "lk_oat_m1.\u00e9\u00e9." + "A".repeat(43))) {
            bearer("sealed machine token forged (" + forged.length() + " characters)", forged);
        }
    }

    private void jwtForgeries(String userToken) {
        String[] parts = userToken.split("\\.");
        String realPayload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        List<String> headers = List.of(
                "{\"alg\":\"none\"}",
                "{\"alg\":\"None\",\"typ\":\"JWT\"}",
                "{\"alg\":\"NONE\"}",
                "{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1}",
                "{\"alg\":\"RS256\",\"kid\":\"../../etc/passwd\"}",
                "{\"alg\":\"HS512\"}",
                "{\"alg\":\"ES256\"}",
                "{\"alg\":\"\"}",
                "{\"alg\":null}",
                "{\"alg\":\"HS256\",\"alg\":\"none\"}",
                "{\"alg\":\"HS256\",\"jku\":\"http://127.0.0.1:1/jwks\"}",
                "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}");
        List<String> payloads = List.of(
                realPayload,
                realPayload.replaceFirst("\"exp\":\\d+", "\"exp\":\"tomorrow\""),
                realPayload.replaceFirst("\"exp\":\\d+", "\"exp\":99999999999999999"),
                realPayload.replaceFirst("\"exp\":\\d+", "\"exp\":-1"),
                realPayload.replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":12345"),
                realPayload.replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":[\"usr_a\",\"usr_b\"]"),
                realPayload.replaceFirst("\\{", "{\"sub\":\"usr_attacker\","),
                realPayload.replaceFirst(
                        "\"tenant_id\":\"[^\"]+\"",
                        java.util.regex.Matcher.quoteReplacement("\"tenant_id\":{\"$ne\":null}")),
                "{\"iss\":\"latchkey\",\"sub\":\"usr_x\",\"exp\":4102444800}",
                "[]",
                "\"just a string\"",
                "{}",
                "{\"iss\":" + "[".repeat(500) + "]".repeat(500) + "}");
        List<String> signatures = List.of(
                "",
                parts[2],
                b64("forged"),
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]));
        for (String header : headers) {
            for (String payload : payloads) {
                String signature = signatures.get(random.nextInt(signatures.size()));
                bearer(
                        "jwt " + header + " / " + payload.hashCode() + " / sig " + signature.length(),
                        b64(header) + "." + b64(payload) + "." + signature);
            }
        }
        bearer("jwt with one segment", parts[0]);
        bearer("jwt with two segments", parts[0] + "." + parts[1]);
        bearer("jwt with four segments", userToken + ".x");
        bearer("jwt with five segments (JWE shape)", parts[0] + ".." + parts[1] + ".." + parts[2]);
        bearer("jwt truncated", userToken.substring(0, userToken.length() - 5));
        bearer(
                "jwt signature of another token",
                parts[0] + "." + b64(realPayload.replace("\"iat\"", "\"iat2\"")) + "." + parts[2]);
        bearer("jwt nested in a jwt", b64("{\"alg\":\"none\",\"cty\":\"JWT\"}") + "." + b64(userToken) + ".");
        bearer("jwt with padding", parts[0] + "=." + parts[1] + "==." + parts[2]);
        bearer("jwt with whitespace", parts[0] + ". " + parts[1] + "." + parts[2]);
    }

    private void headerAbuse(String key) {
        List<List<byte[]>> variants = new ArrayList<>();
        variants.add(List.of(
                RawHttp.header("Authorization", "Bearer " + key), RawHttp.header("Authorization", "Bearer " + key)));
        variants.add(
                List.of(RawHttp.header("Authorization", "Bearer x"), RawHttp.header("Authorization", "Bearer " + key)));
        variants.add(List.of(RawHttp.header("Authorization", "Bearer " + key), RawHttp.header("X-API-Key", key)));
        variants.add(List.of(RawHttp.header("X-API-Key", "x"), RawHttp.header("X-API-Key", key)));
        for (String value : List.of(
                "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8)),
                "bearer",
                "Bearer",
                "Bearer ",
                "Bearer  " + key.substring(1),
                "Token " + key,
                "Bearer a b",
                "Bearer\t" + "junk",
                "Digest username=x",
                "Bearer " + "A".repeat(4096),
                "Negotiate YII=",
                "Bearer ,",
                "Bearer \"" + key + "\"")) {
            variants.add(List.of(RawHttp.header("Authorization", value)));
        }
        byte[][] hostileBytes = {
            {(byte) 0xC3, 0x28},
            {(byte) 0xFF, (byte) 0xFE},
            {(byte) 0xC0, (byte) 0xAF},
            {0x00},
            {0x07},
            {0x1B, '[', '2', 'J'},
            {0x7F},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {'\t', '\t'}
        };
        for (byte[] bytes : hostileBytes) {
            byte[] withKey = new byte[key.length() + bytes.length];
            System.arraycopy(key.getBytes(StandardCharsets.US_ASCII), 0, withKey, 0, 20);
            System.arraycopy(bytes, 0, withKey, 20, bytes.length);
            System.arraycopy(
                    key.getBytes(StandardCharsets.US_ASCII), 20, withKey, 20 + bytes.length, key.length() - 20);
            byte[] bearerValue = new byte[7 + withKey.length];
            System.arraycopy("Bearer ".getBytes(StandardCharsets.US_ASCII), 0, bearerValue, 0, 7);
            System.arraycopy(withKey, 0, bearerValue, 7, withKey.length);
            variants.add(List.of(RawHttp.header("Authorization", bearerValue)));
            variants.add(List.of(RawHttp.header("X-API-Key", withKey)));
        }
        for (int size : List.of(8 * 1024, 16 * 1024, 64 * 1024, 256 * 1024)) {
            variants.add(List.of(RawHttp.header("Authorization", "Bearer " + "k".repeat(size))));
        }
        List<byte[]> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(RawHttp.header("Authorization", "Bearer " + key));
        }
        variants.add(many);
        for (int i = 0; i < variants.size(); i++) {
            add("header abuse " + i, "GET", "/whoami", variants.get(i), "", Expect.REFUSED);
        }
    }

    private void injections() {
        for (String injection : INJECTIONS) {
            String name = "injection " + injection.hashCode();
            bearer(name + " in bearer", injection.length() > 200 ? injection.substring(0, 200) : injection);
            add(
                    name + " in X-API-Key",
                    "GET",
                    "/whoami",
                    List.of(RawHttp.header(
                            "X-API-Key", injection.length() > 200 ? injection.substring(0, 200) : injection)),
                    "",
                    Expect.REFUSED);
            add(
                    name + " in login email",
                    "POST",
                    "/auth/login",
                    List.of(RawHttp.header("Content-Type", "application/json")),
                    "{\"email\":" + json(injection) + ",\"password\":\"whatever-password\"}",
                    Expect.REFUSED);
            add(
                    name + " in login password",
                    "POST",
                    "/auth/login",
                    List.of(RawHttp.header("Content-Type", "application/json")),
                    "{\"email\":\"nobody@example.com\",\"password\":" + json(injection) + "}",
                    Expect.REFUSED);
            add(
                    name + " in client name",
                    "POST",
                    "/oauth/register",
                    List.of(RawHttp.header("Content-Type", "application/json")),
                    "{\"client_name\":" + json(injection) + ",\"redirect_uris\":[\"https://claude.ai/cb\"],"
                            + "\"token_endpoint_auth_method\":\"none\"}",
                    Expect.NO_SERVER_ERROR);
            add(
                    name + " in redirect uri",
                    "POST",
                    "/oauth/register",
                    List.of(RawHttp.header("Content-Type", "application/json")),
                    "{\"redirect_uris\":[" + json(injection) + "]}",
                    Expect.REFUSED);
            add(
                    name + " in original uri",
                    "GET",
                    "/authz/check",
                    List.of(
                            RawHttp.header("X-Original-Method", "GET"),
                            RawHttp.header(
                                    "X-Original-URI",
                                    "/api/pipelines/"
                                            + injection.replace("\r", "").replace("\n", ""))),
                    "",
                    Expect.REFUSED);
            add(
                    name + " in original method",
                    "GET",
                    "/authz/check",
                    List.of(
                            RawHttp.header(
                                    "X-Original-Method",
                                    injection.replace("\r", "").replace("\n", "")),
                            RawHttp.header("X-Original-URI", "/api/pipelines/p_1")),
                    "",
                    Expect.REFUSED);
            add(
                    name + " in token code",
                    "POST",
                    "/oauth/token",
                    List.of(RawHttp.header("Content-Type", "application/x-www-form-urlencoded")),
                    "grant_type=authorization_code&client_id=x&code=" + urlEncode(injection) + "&code_verifier="
                            + "v".repeat(43) + "&redirect_uri=https%3A%2F%2Fclaude.ai%2Fcb",
                    Expect.REFUSED);
        }
        add(
                "duplicate json keys in login",
                "POST",
                "/auth/login",
                List.of(RawHttp.header("Content-Type", "application/json")),
                "{\"email\":\"a@example.com\",\"email\":\"b@example.com\",\"password\":\"x\",\"password\":\"y\"}",
                Expect.REFUSED);
        add(
                "deeply nested json",
                "POST",
                "/auth/login",
                List.of(RawHttp.header("Content-Type", "application/json")),
                "[".repeat(5000) + "]".repeat(5000),
                Expect.REFUSED);
        add(
                "truncated json",
                "POST",
                "/oauth/register",
                List.of(RawHttp.header("Content-Type", "application/json")),
                "{\"redirect_uris\":[\"https://a/cb\"",
                Expect.REFUSED);
        add(
                "wrong types in registration",
                "POST",
                "/oauth/register",
                List.of(RawHttp.header("Content-Type", "application/json")),
                "{\"redirect_uris\":\"https://a/cb\",\"client_name\":{\"x\":1}}",
                Expect.REFUSED);
    }

    private void forwardAuthPaths() {
        List<String> paths = List.of(
                "/api/pipelines/../../admin",
                "/api/pipelines/%2e%2e/%2e%2e/admin",
                "//api/pipelines/p",
                "/api/pipelines/p_1%00.json",
                "http://evil.example/api/pipelines/p_1",
                "/API/PIPELINES/p_1",
                "/api/pipelines/p_1;jsessionid=x",
                "/api/pipelines/" + "a/".repeat(2000),
                "/api/pipelines/%ZZ",
                "/api/pipelines/p%2F1",
                "\\api\\pipelines\\p_1",
                "/api/pipelines/\u00e9\u0301",
                "*",
                "",
                "/health/../api/pipelines/p_1",
                "/health%2F..%2Fapi/pipelines/p_1");
        List<String> credentials = List.of("", "Bearer junk", "Bearer sk_live_" + "A".repeat(38));
        List<String> methods = List.of("GET", "DELETE", "POST", "get", "TRACE", "G\u00c9T");
        for (String path : paths) {
            for (String credential : credentials) {
                for (String method : methods) {
                    List<byte[]> headers = new ArrayList<>(List.of(
                            RawHttp.header("X-Original-Method", method), RawHttp.header("X-Original-URI", path)));
                    if (!credential.isEmpty()) {
                        headers.add(RawHttp.header("Authorization", credential));
                    }
                    add(
                            "forward-auth " + method + " " + path.hashCode() + " " + credential.length(),
                            "GET",
                            "/authz/check",
                            headers,
                            "",
                            Expect.REFUSED);
                }
            }
        }
    }

    /**
     * Paths that resolve, by an upstream's normalisation, from a public route to a guarded one — with
     * no credential and with a key holding every scope — and header families the proxy would not send.
     */
    private void ambiguousOriginalRequests(String apiKey) {
        List<String> paths = List.of(
                "/public/../api/pipelines/p_1",
                "/public/..%2Fapi%2Fpipelines%2Fp_1",
                "/public/..;/api/pipelines/p_1",
                "/public/%2e%2e/api/pipelines/p_1",
                "/public/%2E%2E/api/pipelines/p",
                "//api/pipelines/p_1",
                "/public//x",
                "/public/.%2e/api",
                "/public/%252e%252e/api",
                "/public/%5c..%5capi",
                "/mcp/../api/pipelines/p_1",
                "/public/./x",
                "/public/x%00",
                "/public/%C3");
        for (String path : paths) {
            for (String credential : List.of("", "Bearer " + apiKey)) {
                for (String method : List.of("GET", "DELETE")) {
                    for (String family : List.of("X-Original", "both")) {
                        List<byte[]> headers = new ArrayList<>(List.of(
                                RawHttp.header("X-Original-Method", method), RawHttp.header("X-Original-URI", path)));
                        if (family.equals("both")) {
                            headers.add(RawHttp.header("X-Forwarded-Uri", "/public/x"));
                        }
                        if (!credential.isEmpty()) {
                            headers.add(RawHttp.header("Authorization", credential));
                        }
                        add(
                                "ambiguous " + method + " " + path + " " + family + " " + credential.length(),
                                "GET",
                                "/authz/check",
                                headers,
                                "",
                                Expect.REFUSED);
                    }
                }
            }
        }
        add(
                "repeated original uri",
                "GET",
                "/authz/check",
                List.of(
                        RawHttp.header("X-Original-URI", "/public/x"),
                        RawHttp.header("X-Original-URI", "/api/pipelines/p_1")),
                "",
                Expect.REFUSED);
    }

    /** Every bounded field at its limit + 1, with a credential that may do everything else. */
    private void fieldsPastTheirLimits(String apiKey) {
        List<byte[]> json = List.of(
                RawHttp.header("Authorization", "Bearer " + apiKey),
                RawHttp.header("Content-Type", "application/json"));
        String scopes101 = java.util.stream.IntStream.range(0, 101)
                .mapToObj(i -> "\"records:a" + i + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        add(
                "101 scopes on a key",
                "POST",
                "/api-keys",
                json,
                "{\"name\":\"k\",\"scopes\":[" + scopes101 + "]}",
                Expect.REFUSED);
        add(
                "2001-character scope",
                "POST",
                "/api-keys",
                json,
                "{\"name\":\"k\",\"scopes\":[\"records:" + "x".repeat(2_001) + "\"]}",
                Expect.REFUSED);
        add(
                "256-character mapping subject",
                "PUT",
                "/actor-mappings",
                json,
                "{\"subject\":\"" + "s".repeat(256) + "\",\"kind\":\"human\",\"role\":\"member\"}",
                Expect.REFUSED);
        add(
                "2001-character original uri",
                "GET",
                "/authz/check",
                List.of(
                        RawHttp.header("X-Original-Method", "GET"),
                        RawHttp.header("X-Original-URI", "/api/pipelines/" + "p".repeat(2_001)),
                        RawHttp.header("Authorization", "Bearer " + apiKey)),
                "",
                Expect.REFUSED);
        add(
                "malformed escape in Basic",
                "POST",
                "/oauth/token",
                List.of(
                        RawHttp.header(
                                "Authorization",
                                "Basic "
                                        + java.util.Base64.getEncoder()
                                                .encodeToString("c%zz:s%".getBytes(StandardCharsets.UTF_8))),
                        RawHttp.header("Content-Type", "application/x-www-form-urlencoded")),
                "grant_type=refresh_token&refresh_token=x",
                Expect.REFUSED);
        add(
                "101-character token id",
                "DELETE",
                "/internal/auth/delegation-grants/grn_x/tokens/" + "j".repeat(101),
                json,
                "",
                Expect.REFUSED);
    }

    private void authorizationTricks(String clientId, String registered) {
        List<String> foreign = List.of(
                "https://evil.example/cb",
                registered + "/../../evil",
                registered + "#frag",
                registered.replace("127.0.0.1", "127.0.0.1.evil.example"),
                registered.replace("http://", "http://evil@"),
                registered + "?x=1",
                registered.replace("http", "HTTP"),
                registered.replace("127.0.0.1", "[::1]"),
                registered.replace("127.0.0.1", "localhost"),
                "javascript:alert(1)",
                "data:text/html,hi",
                urlEncode(registered),
                registered.replace("/callback", "/callback/"),
                registered + "%23frag",
                registered.replace("http://", "https://"),
                "//evil.example/cb",
                "http://127.0.0.1:43117@evil.example/",
                registered + "\u0000",
                registered.replace("callback", "CALLBACK"),
                "");
        for (String redirect : foreign) {
            for (String challenge : List.of("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "")) {
                add(
                        "authorize to " + redirect.hashCode() + " " + challenge.length(),
                        "GET",
                        "/oauth/authorize?"
                                + "response_type=code&client_id=" + urlEncode(clientId) + "&redirect_uri="
                                + urlEncode(redirect)
                                + "&code_challenge=" + challenge + "&code_challenge_method=S256&state=s",
                        List.of(),
                        "",
                        Expect.NO_FOREIGN_REDIRECT);
            }
        }
        List<String> pkce = List.of(
                "code_challenge_method=plain&code_challenge=" + "a".repeat(43),
                "code_challenge_method=s256&code_challenge=" + "a".repeat(43),
                "code_challenge=" + "a".repeat(43),
                "code_challenge_method=S256&code_challenge=short",
                "code_challenge_method=S256&code_challenge=" + "a".repeat(200),
                "code_challenge_method=S256&code_challenge=" + "a".repeat(42) + "=",
                "code_challenge_method=S256",
                "code_challenge_method=S256&code_challenge=" + "a".repeat(43) + "&code_challenge=" + "b".repeat(43),
                "code_challenge_method=SHA256&code_challenge=" + "a".repeat(43));
        for (String variant : pkce) {
            for (String responseType : List.of("code", "token", "code%20token", "")) {
                add(
                        "authorize pkce " + variant.hashCode() + " " + responseType,
                        "GET",
                        "/oauth/authorize?response_type="
                                + responseType + "&client_id=" + urlEncode(clientId) + "&redirect_uri="
                                + urlEncode(registered)
                                + "&state=s&" + variant,
                        List.of(),
                        "",
                        Expect.NO_FOREIGN_REDIRECT);
            }
        }
        for (String id : List.of(
                "",
                "client_nope",
                clientId + "&client_id=client_other",
                "https://127.0.0.1:1/client.json",
                "http://169.254.169.254/latest/meta-data",
                "file:///etc/passwd")) {
            add(
                    "authorize client " + id.hashCode(),
                    "GET",
                    "/oauth/authorize?response_type=code&client_id=" + id
                            + "&redirect_uri=" + urlEncode(registered) + "&code_challenge=" + "a".repeat(43)
                            + "&code_challenge_method=S256",
                    List.of(),
                    "",
                    Expect.NO_FOREIGN_REDIRECT);
        }
    }

    private void tokenEndpointTricks(String clientId, String registered) {
        List<String> verifiers = List.of(
                "v".repeat(42),
                "v".repeat(129),
                "v".repeat(43) + "%20",
                "v".repeat(42) + "+",
                "",
                "%00".repeat(20),
                "v".repeat(100_000));
        for (String verifier : verifiers) {
            add(
                    "token verifier " + verifier.length(),
                    "POST",
                    "/oauth/token",
                    List.of(RawHttp.header("Content-Type", "application/x-www-form-urlencoded")),
                    "grant_type=authorization_code&client_id=" + urlEncode(clientId) + "&code=" + "c".repeat(43)
                            + "&redirect_uri=" + urlEncode(registered) + "&code_verifier=" + verifier,
                    Expect.REFUSED);
        }
        for (String form : List.of(
                "grant_type=client_credentials",
                "grant_type=password&username=a&password=b",
                "grant_type=refresh_token&refresh_token=lk_ort_x",
                "grant_type=refresh_token",
                "grant_type=authorization_code&grant_type=refresh_token",
                "grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer",
                "grant_type=%00",
                "")) {
            add(
                    "token form " + form.hashCode(),
                    "POST",
                    "/oauth/token",
                    List.of(RawHttp.header("Content-Type", "application/x-www-form-urlencoded")),
                    form + "&client_id=" + urlEncode(clientId),
                    Expect.REFUSED);
            add(
                    "token form with garbage basic " + form.hashCode(),
                    "POST",
                    "/oauth/token",
                    List.of(
                            RawHttp.header("Content-Type", "application/x-www-form-urlencoded"),
                            RawHttp.header("Authorization", "Basic " + "%%%not-base64")),
                    form,
                    Expect.REFUSED);
        }
        add(
                "token as json",
                "POST",
                "/oauth/token",
                List.of(RawHttp.header("Content-Type", "application/json")),
                "{\"grant_type\":\"authorization_code\"}",
                Expect.REFUSED);
    }

    /** The state is echoed into a Location header: CRLF or markup in it must come back encoded. */
    private void stateAndRevocationInjections(String clientId, String registered) {
        for (String injection : INJECTIONS) {
            String state = injection.length() > 500 ? injection.substring(0, 500) : injection;
            String common = "response_type=code&client_id=" + urlEncode(clientId) + "&redirect_uri="
                    + urlEncode(registered) + "&state=" + urlEncode(state);
            add(
                    "state injection " + injection.hashCode(),
                    "GET",
                    "/oauth/authorize?" + common + "&code_challenge=" + "a".repeat(43) + "&code_challenge_method=S256",
                    List.of(),
                    "",
                    Expect.NO_FOREIGN_REDIRECT);
            add(
                    "state injection in an error redirect " + injection.hashCode(),
                    "GET",
                    "/oauth/authorize?" + common + "&code_challenge=" + "a".repeat(43) + "&code_challenge_method=plain",
                    List.of(),
                    "",
                    Expect.NO_FOREIGN_REDIRECT);
            add(
                    "revocation injection " + injection.hashCode(),
                    "POST",
                    "/oauth/revoke",
                    List.of(RawHttp.header("Content-Type", "application/x-www-form-urlencoded")),
                    "client_id=" + urlEncode(clientId) + "&token=" + urlEncode(injection),
                    Expect.NO_SERVER_ERROR);
        }
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
