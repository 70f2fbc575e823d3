package dev.latchkey.benchmarks;

import com.sun.net.httpserver.HttpServer;
import dev.latchkey.cache.CaffeineCaches;
import dev.latchkey.cache.CaffeineVerificationCache;
import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.actor.mapping.ActorMapping;
import dev.latchkey.domain.auth.AuthenticateRequest;
import dev.latchkey.domain.auth.AuthenticationListener;
import dev.latchkey.domain.auth.CachedTokenVerification;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.provider.MappedActors;
import dev.latchkey.domain.provider.ProviderAccessTokenVerifier;
import dev.latchkey.domain.testing.InMemoryActorMappingStore;
import dev.latchkey.outbound.OutboundCallSettings;
import dev.latchkey.workos.WorkosIdentityProvider;
import dev.latchkey.workos.WorkosSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A WorkOS AuthKit access token on the decision path: the adapter that production uses, its JWKS
 * fetched once from a local stand-in for {@code GET /sso/jwks/{client_id}} and then held in memory.
 * {@code workosTokenCached} is a token verified within the window; {@code workosTokenSignatureCheck}
 * is what the first sight of a token costs (RS256 against the cached JWKS, no network).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WorkosTokenBenchmark {
    private static final String CLIENT_ID = "client_01BENCH";

    private HttpServer jwks;
    private WorkosIdentityProvider workos;
    private AuthenticateRequest authenticate;
    private Optional<PresentedCredential> cachedToken;
    private String token;

    @Setup
    public void setUp() throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("bench-key");
        byte[] published = new JsonWebKeySet(List.<JsonWebKey>of(key))
                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                .getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/sso/jwks/" + CLIENT_ID, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, published.length);
            exchange.getResponseBody().write(published);
            exchange.close();
        });
        jwks.start();
        String baseUrl = "http://127.0.0.1:" + jwks.getAddress().getPort();
        String issuer = baseUrl + "/user_management/" + CLIENT_ID;
        Clock clock = Clock.systemUTC();
        workos = new WorkosIdentityProvider(
                new WorkosSettings(URI.create(baseUrl), "sk_bench", CLIENT_ID, List.of(issuer), List.of()),
                OutboundCallSettings.defaults(),
                clock);

        InMemoryActorMappingStore mappings = new InMemoryActorMappingStore();
        mappings.save(new ActorMapping(
                workos.name(),
                "user_bench",
                new Actor(
                        "act_bench",
                        ActorKind.HUMAN,
                        ActorStatus.ACTIVE,
                        Optional.of("ws_bench"),
                        "member",
                        Set.of())));
        mappings.bindOrganization(workos.name(), "org_bench", "ws_bench");
        authenticate = new AuthenticateRequest(
                List.of(new ProviderAccessTokenVerifier(
                        workos,
                        new MappedActors(mappings, RoleScopes.defaults()),
                        new CachedTokenVerification(
                                new CaffeineVerificationCache(100_000),
                                clock,
                                Duration.ofHours(1),
                                Duration.ofSeconds(60),
                                AuthError.INVALID_JWT,
                                new CaffeineCaches(new com.codahale.metrics.MetricRegistry())))),
                AuthenticationListener.NONE);

        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject("user_bench");
        claims.setJwtId("jti_bench");
        claims.setClaim("sid", "session_bench");
        claims.setClaim("org_id", "org_bench");
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(
                clock.instant().plus(Duration.ofHours(2)).getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        token = jws.getCompactSerialization();
        cachedToken = Optional.of(new PresentedCredential.Bearer(token));
        authenticate.authenticate(cachedToken);
    }

    @TearDown
    public void tearDown() {
        jwks.stop(0);
    }

    @Benchmark
    public Principal workosTokenCached() {
        return authenticate.authenticate(cachedToken);
    }

    @Benchmark
    public Object workosTokenSignatureCheck() {
        return workos.verifyAccessToken(token);
    }
}
