package dev.latchkey.workos;

import dev.latchkey.domain.auth.JwtShape;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.provider.IdentityProvider;
import dev.latchkey.domain.provider.ProviderIdentity;
import dev.latchkey.outbound.JwksKeys;
import dev.latchkey.outbound.OutboundCallSettings;
import dev.latchkey.outbound.ProviderUnavailable;
import dev.latchkey.outbound.ResilientHttp;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * WorkOS as the identity authority: AuthKit access tokens verified locally against
 * {@code /sso/jwks/{client_id}} (RS256 only, issuer allow-list, audience checked only when present),
 * and API keys validated by {@code POST /api_keys/validations}, where an unknown key is
 * {@code {"api_key": null}}. Every call goes through {@link ResilientHttp}. A 401 from WorkOS means
 * our own secret is wrong: health goes red and callers get 503, never 401.
 */
public final class WorkosIdentityProvider implements IdentityProvider {
    public static final String NAME = "workos";
    private static final int CLOCK_SKEW_SECONDS = 30;
    /** WorkOS keys without an expiry: cached verifications still expire with the validation window. */
    private static final Duration OPEN_ENDED = Duration.ofDays(365);

    private final WorkosSettings settings;
    private final ResilientHttp api;
    private final JwksKeys keys;
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final Clock clock;
    private final AtomicBoolean secretRejected = new AtomicBoolean();

    public WorkosIdentityProvider(WorkosSettings settings, OutboundCallSettings calls, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(calls.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.api = new ResilientHttp("workos-api", client, calls, breakers);
        this.keys = new JwksKeys(
                URI.create(base() + "/sso/jwks/" + settings.clientId()),
                new ResilientHttp("workos-jwks", client, calls, breakers),
                clock,
                Duration.ofHours(1),
                Duration.ofSeconds(30));
    }

    private String base() {
        return settings.baseUrl().toString().replaceAll("/+$", "");
    }

    public CircuitBreakerRegistry circuitBreakers() {
        return breakers;
    }

    /** True once WorkOS has refused our secret key: a configuration fault, shown on the health check. */
    public boolean secretRejected() {
        return secretRejected.get();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean issuedAccessToken(String token) {
        return JwtShape.unverifiedIssuer(token)
                .filter(settings.issuers()::contains)
                .isPresent();
    }

    @Override
    public ProviderIdentity verifyAccessToken(String token) {
        String kid;
        try {
            kid = JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue();
        } catch (JoseException e) {
            throw new AuthFailure(AuthError.INVALID_JWT, "The token is not a well-formed JWS");
        }
        java.security.Key key;
        try {
            key = keys.keyFor(kid);
        } catch (ProviderUnavailable e) {
            throw unavailable();
        }
        try {
            JwtClaims claims = new JwtConsumerBuilder()
                    .setJwsAlgorithmConstraints(
                            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                    .setVerificationKey(key)
                    .setExpectedIssuers(true, settings.issuers().toArray(String[]::new))
                    .setSkipDefaultAudienceValidation()
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                    .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                    .build()
                    .processToClaims(token);
            if (claims.hasAudience() && claims.getAudience().stream().noneMatch(settings.audiences()::contains)) {
                throw new AuthFailure(AuthError.INVALID_JWT, "The token's audience is not accepted here");
            }
            List<String> subjects = new ArrayList<>(List.of(claims.getSubject()));
            Optional<String> organization = Optional.ofNullable(claims.getStringClaimValue("org_id"));
            organization.ifPresent(subjects::add);
            String id = Optional.ofNullable(claims.getJwtId())
                    .orElse(claims.getSubject() + ":"
                            + claims.getExpirationTime().getValue());
            return new ProviderIdentity(
                    subjects,
                    id,
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()),
                    organization,
                    impersonatorOf(claims));
        } catch (InvalidJwtException e) {
            throw new AuthFailure(
                    AuthError.INVALID_JWT,
                    e.hasExpired()
                            ? "The token has expired"
                            : "The token's signature, algorithm, issuer or claims are not valid");
        } catch (MalformedClaimException e) {
            throw new AuthFailure(AuthError.INVALID_JWT, "The token's claims are malformed");
        }
    }

    @Override
    public Optional<ProviderIdentity> validateApiKey(String value) {
        ResilientHttp.Answer answer;
        try {
            answer = api.send(HttpRequest.newBuilder(URI.create(base() + "/api_keys/validations"))
                    .header("Authorization", "Bearer " + settings.apiKey())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JsonUtil.toJson(Map.of("value", value)))));
        } catch (ProviderUnavailable e) {
            throw unavailable();
        }
        if (answer.status() == 401) {
            secretRejected.set(true);
            throw unavailable();
        }
        secretRejected.set(false);
        if (answer.status() == 422) {
            return Optional.empty(); // WorkOS could not even read it as a key
        }
        if (answer.status() != 200) {
            throw unavailable();
        }
        try {
            return parseValidation(answer.body());
        } catch (ProviderUnavailable e) {
            throw unavailable();
        }
    }

    @SuppressWarnings("unchecked")
    private Optional<ProviderIdentity> parseValidation(String body) {
        try {
            Object apiKey = JsonUtil.parseJson(body).get("api_key");
            if (!(apiKey instanceof Map)) {
                return Optional.empty();
            }
            Map<String, Object> key = (Map<String, Object>) apiKey;
            Map<String, Object> owner =
                    key.get("owner") instanceof Map ? (Map<String, Object>) key.get("owner") : Map.of();
            List<String> subjects = new ArrayList<>();
            subjects.add((String) key.get("id"));
            Optional.ofNullable((String) owner.get("id")).ifPresent(subjects::add);
            Optional<String> organization = Optional.ofNullable((String) owner.get("organization_id"))
                    .or(() -> "organization".equals(owner.get("type"))
                            ? Optional.ofNullable((String) owner.get("id"))
                            : Optional.empty());
            organization.filter(org -> !subjects.contains(org)).ifPresent(subjects::add);
            Instant validUntil = Optional.ofNullable((String) key.get("expires_at"))
                    .map(Instant::parse)
                    .orElse(clock.instant().plus(OPEN_ENDED));
            return Optional.of(new ProviderIdentity(subjects, (String) key.get("id"), validUntil, organization));
        } catch (JoseException | ClassCastException | java.time.format.DateTimeParseException e) {
            throw new ProviderUnavailable("WorkOS answered an API-key validation we cannot read", e);
        }
    }

    private static AuthFailure unavailable() {
        return new AuthFailure(
                AuthError.IDENTITY_PROVIDER_UNAVAILABLE, "WorkOS cannot be reached right now; try again shortly");
    }

    /**
     * AuthKit marks an impersonated session with {@code act} (RFC 8693 §4.1): who opened it in the
     * user's name. It stays the user's session, but everything done in it says so.
     */
    private static Optional<String> impersonatorOf(JwtClaims claims) {
        Object act = claims.getClaimValue("act");
        if (act instanceof java.util.Map<?, ?> actor) {
            Object who = actor.get("sub") != null ? actor.get("sub") : actor.get("email");
            if (who instanceof String name && !name.isBlank()) {
                // It travels in headers and the audit trail: printable ASCII only, and bounded.
                String printable = name.codePoints()
                        .limit(200)
                        .map(c -> c >= 0x20 && c < 0x7f ? c : '?')
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                        .toString();
                return Optional.of(printable);
            }
            return Optional.of("an unnamed impersonator");
        }
        return Optional.empty();
    }
}
