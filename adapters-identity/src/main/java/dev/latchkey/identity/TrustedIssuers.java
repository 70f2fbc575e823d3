package dev.latchkey.identity;

import dev.latchkey.domain.auth.JwtShape;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.external.ExternalClaims;
import dev.latchkey.domain.external.ExternalTokenVerifier;
import dev.latchkey.outbound.JwksKeys;
import dev.latchkey.outbound.OutboundCallSettings;
import dev.latchkey.outbound.OutboundHttpClient;
import dev.latchkey.outbound.ProviderUnavailable;
import dev.latchkey.outbound.ResilientHttp;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * The configured trusted issuers. A JWKS issuer's tokens must be RS256 or ES256 and a shared-secret issuer's
 * HS256 — decided by configuration, never by the token's header, so neither {@code alg: none} nor
 * an RS/HS switch gets through. Keys come from {@link JwksKeys}; every fetch is resilient.
 */
public final class TrustedIssuers implements ExternalTokenVerifier {
    private static final Duration KEYS_MAX_AGE = Duration.ofHours(1);
    private static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    private static final int CLOCK_SKEW_SECONDS = 30;

    private record Issuer(TrustedIssuerSettings settings, Optional<JwksKeys> keys) {}

    private final Map<String, Issuer> byName = new LinkedHashMap<>();
    private final Map<String, Issuer> byIss = new LinkedHashMap<>();
    private final CircuitBreakerRegistry breakers;
    private final Clock clock;

    public TrustedIssuers(List<TrustedIssuerSettings> issuers, OutboundCallSettings calls, Clock clock) {
        this.breakers = CircuitBreakerRegistry.ofDefaults();
        this.clock = clock;
        OutboundHttpClient client = new OutboundHttpClient(calls.timeout());
        for (TrustedIssuerSettings settings : issuers) {
            Optional<JwksKeys> keys = settings.jwksUrl()
                    .map(url -> new JwksKeys(
                            url,
                            new ResilientHttp("jwks-" + settings.name(), client, calls, breakers),
                            clock,
                            KEYS_MAX_AGE,
                            MIN_REFRESH_INTERVAL));
            Issuer issuer = new Issuer(settings, keys);
            if (byName.put(settings.name(), issuer) != null) {
                throw new IllegalArgumentException("two trusted issuers are named " + settings.name());
            }
            for (String iss : settings.issuers()) {
                if (byIss.put(iss, issuer) != null) {
                    throw new IllegalArgumentException("issuer " + iss + " is configured twice");
                }
            }
        }
    }

    /** The breakers guarding every provider call, for health checks and metrics. */
    public CircuitBreakerRegistry circuitBreakers() {
        return breakers;
    }

    @Override
    public boolean isConfigured(String name) {
        return byName.containsKey(name);
    }

    @Override
    public Optional<TrustedIssuer> identify(String token) {
        return JwtShape.unverifiedIssuer(token)
                .map(byIss::get)
                .map(issuer -> new TrustedIssuer(
                        issuer.settings().name(),
                        issuer.settings().acceptAsBearer(),
                        issuer.settings().provisionOnFirstUse()));
    }

    @Override
    public ExternalClaims verify(String issuerName, String token) {
        Issuer issuer = byName.get(issuerName);
        if (issuer == null) {
            throw new AuthFailure(AuthError.INVALID_JWT, "No trusted issuer is named " + issuerName);
        }
        TrustedIssuerSettings settings = issuer.settings();
        // A key set's issuer signs with RS256 or ES256 (newer Supabase projects sign with P-256 keys);
        // jose4j checks the key's type and curve against the alg, so neither passes for the other,
        // and HS256 is never accepted from a key set's issuer.
        String[] algorithms = issuer.keys().isPresent()
                ? new String[] {
                    AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256
                }
                : new String[] {AlgorithmIdentifiers.HMAC_SHA256};
        Key key = issuer.keys().isPresent()
                ? publishedKey(issuer.keys().get(), token)
                : new HmacKey(settings.sharedSecret().orElseThrow().getBytes(StandardCharsets.UTF_8));
        try {
            JwtClaims claims = new JwtConsumerBuilder()
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, algorithms)
                    .setVerificationKey(key)
                    .setExpectedIssuers(true, settings.issuers().toArray(String[]::new))
                    .setExpectedAudience(settings.audience())
                    .setRequireExpirationTime()
                    .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                    .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                    .build()
                    .processToClaims(token);
            String subject = claims.getClaimValueAsString(settings.subjectClaim());
            if (subject == null || subject.isBlank()) {
                throw new AuthFailure(AuthError.INVALID_JWT, "The token names no subject");
            }
            if (settings.hostedDomain().isPresent()
                    && !settings.hostedDomain().get().equalsIgnoreCase(claims.getClaimValueAsString("hd"))) {
                throw new AuthFailure(
                        AuthError.INVALID_JWT,
                        "The token's account is not of the hosted domain "
                                + settings.hostedDomain().get());
            }
            Optional<String> email = Optional.ofNullable(claims.getClaimValueAsString(settings.emailClaim()));
            boolean verified = settings.assumeEmailVerified()
                    || "true".equalsIgnoreCase(String.valueOf(claims.getClaimValue("email_verified")));
            return new ExternalClaims(
                    settings.name(),
                    subject,
                    email,
                    verified,
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()));
        } catch (InvalidJwtException e) {
            throw new AuthFailure(
                    AuthError.INVALID_JWT,
                    e.hasExpired()
                            ? "The token has expired"
                            : "The token's signature, algorithm, issuer, audience or claims are not valid");
        } catch (MalformedClaimException e) {
            throw new AuthFailure(AuthError.INVALID_JWT, "The token's claims are malformed");
        }
    }

    private static Key publishedKey(JwksKeys keys, String token) {
        String kid;
        try {
            kid = JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue();
        } catch (JoseException e) {
            throw new AuthFailure(AuthError.INVALID_JWT, "The token is not a well-formed JWS");
        }
        try {
            return keys.keyFor(kid);
        } catch (ProviderUnavailable e) {
            throw new AuthFailure(
                    AuthError.IDENTITY_PROVIDER_UNAVAILABLE,
                    "The token issuer's signing keys cannot be fetched right now; try again shortly");
        }
    }
}
