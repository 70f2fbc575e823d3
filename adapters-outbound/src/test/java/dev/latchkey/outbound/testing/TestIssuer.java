package dev.latchkey.outbound.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;

/**
 * A fake OIDC issuer (Google-like): locally generated RSA keys published as a JWKS over HTTP by
 * WireMock at {@code /oauth2/v3/certs}, the path Google uses, and ID tokens signed with them.
 */
public final class TestIssuer implements AutoCloseable {
    public static final String JWKS_PATH = "/oauth2/v3/certs";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final List<PublicJsonWebKey> published = new ArrayList<>();

    public TestIssuer() {
        server.start();
        publish(newKey("key-1"));
    }

    public static RsaJsonWebKey newKey(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            return key;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A P-256 key for ES256, as Supabase's asymmetric signing keys are. */
    public static EllipticCurveJsonWebKey newEcKey(String kid) {
        try {
            EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            key.setKeyId(kid);
            key.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            return key;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String jwksUrl() {
        return "http://localhost:" + server.port() + JWKS_PATH;
    }

    public PublicJsonWebKey currentKey() {
        return published.get(published.size() - 1);
    }

    /** Adds a key to the published set (rotation). */
    public void publish(PublicJsonWebKey key) {
        published.add(key);
        server.stubFor(get(urlEqualTo(JWKS_PATH))
                .willReturn(okJson(new JsonWebKeySet(new ArrayList<JsonWebKey>(published))
                                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))
                        .withHeader("Cache-Control", "public, max-age=21600")));
    }

    public void failWith(int status) {
        server.stubFor(get(urlEqualTo(JWKS_PATH)).willReturn(aResponse().withStatus(status)));
    }

    public void dropConnections() {
        server.stubFor(get(urlEqualTo(JWKS_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    public void answerAfter(int delayMillis) {
        server.stubFor(get(urlEqualTo(JWKS_PATH))
                .willReturn(okJson(new JsonWebKeySet(new ArrayList<JsonWebKey>(published))
                                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))
                        .withFixedDelay(delayMillis)));
    }

    public int jwksFetches() {
        return server.countRequestsMatching(
                        getRequestedFor(urlEqualTo(JWKS_PATH)).build())
                .getCount();
    }

    /**
     * An ID token signed with {@code key} (RS256 for an RSA key, ES256 for a P-256 one): {@code iss},
     * {@code aud}, {@code sub}, {@code exp} and extras.
     */
    public static String idToken(
            PublicJsonWebKey key,
            String issuer,
            String audience,
            String subject,
            Instant expiresAt,
            Map<String, Object> extra) {
        try {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            if (audience != null) {
                claims.setAudience(audience);
            }
            claims.setSubject(subject);
            claims.setIssuedAt(NumericDate.fromSeconds(Instant.now().getEpochSecond()));
            claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
            extra.forEach(claims::setClaim);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(
                    key instanceof EllipticCurveJsonWebKey
                            ? AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256
                            : AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String idToken(String issuer, String audience, String subject, Map<String, Object> extra) {
        return idToken(currentKey(), issuer, audience, subject, Instant.now().plusSeconds(3600), extra);
    }

    @Override
    public void close() {
        server.stop();
    }
}
