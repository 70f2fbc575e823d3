package dev.latchkey.workos;

import dev.latchkey.domain.auth.JwtShape;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.domain.provider.IdentityProvider;
import dev.latchkey.domain.provider.ProviderIdentity;
import dev.latchkey.outbound.JwksKeys;
import dev.latchkey.outbound.OutboundCallSettings;
import dev.latchkey.outbound.OutboundHttpClient;
import dev.latchkey.outbound.ProviderUnavailable;
import dev.latchkey.outbound.ResilientHttp;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
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
 *
 * <p>When AuthKit is an MCP resource's authorization server, the tokens its domain issues ({@code iss}
 * the AuthKit domain) are verified against that domain's {@code /oauth2/jwks}, must name the resource
 * (or the client id) in {@code aud}, and are bound to the resource: refused anywhere else.
 */
public final class WorkosIdentityProvider implements IdentityProvider {
    public static final String NAME = "workos";
    private static final int CLOCK_SKEW_SECONDS = 30;
    /** WorkOS keys without an expiry: cached verifications still expire with the validation window. */
    private static final Duration OPEN_ENDED = Duration.ofDays(365);

    private final WorkosSettings settings;
    private final ResilientHttp api;
    private final JwksKeys keys;
    private final Optional<JwksKeys> mcpKeys;
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final Clock clock;
    private final AtomicBoolean secretRejected = new AtomicBoolean();

    public WorkosIdentityProvider(WorkosSettings settings, OutboundCallSettings calls, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        OutboundHttpClient client = new OutboundHttpClient(calls.timeout());
        this.api = new ResilientHttp("workos-api", client, calls, breakers);
        this.keys = new JwksKeys(
                URI.create(base() + "/sso/jwks/" + settings.clientId()),
                new ResilientHttp("workos-jwks", client, calls, breakers),
                clock,
                Duration.ofHours(1),
                Duration.ofSeconds(30));
        this.mcpKeys = settings.mcp()
                .map(mcp -> new JwksKeys(
                        URI.create(mcp.issuer() + "/oauth2/jwks"),
                        new ResilientHttp("workos-authkit-jwks", client, calls, breakers),
                        clock,
                        Duration.ofHours(1),
                        Duration.ofSeconds(30)));
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
                .filter(iss -> settings.issuers().contains(iss)
                        || settings.mcp()
                                .filter(mcp -> mcp.issuer().equals(iss))
                                .isPresent())
                .isPresent();
    }

    @Override
    public ProviderIdentity verifyAccessToken(String token) {
        Optional<WorkosSettings.McpAuthorization> mcp = settings.mcp().filter(m -> isForMcp(token, m));
        if (mcp.isPresent()) {
            return verifyMcpToken(token, mcp.get());
        }
        JwtClaims claims = verified(token, keys, settings.issuers());
        try {
            if (claims.hasAudience() && claims.getAudience().stream().noneMatch(settings.audiences()::contains)) {
                throw new AuthFailure(AuthError.INVALID_JWT, "The token's audience is not accepted here");
            }
        } catch (MalformedClaimException e) {
            throw new AuthFailure(AuthError.INVALID_JWT, "The token's claims are malformed");
        }
        return identityOf(claims, Optional.empty());
    }

    /**
     * Whether a token is AuthKit's for the MCP resource: issued by the AuthKit domain and naming the
     * resource — or, where the domain issues no session tokens here, naming it or not (whether AuthKit
     * puts the resource or the client id in {@code aud} is not settled; both are accepted below).
     */
    private boolean isForMcp(String token, WorkosSettings.McpAuthorization mcp) {
        if (JwtShape.unverifiedIssuer(token).filter(mcp.issuer()::equals).isEmpty()) {
            return false;
        }
        return !settings.issuers().contains(mcp.issuer())
                || JwtShape.unverifiedPayload(token)
                        .filter(payload -> payload.contains("\"" + mcp.resource()))
                        .isPresent();
    }

    private ProviderIdentity verifyMcpToken(String token, WorkosSettings.McpAuthorization mcp) {
        JwtClaims claims = verified(token, mcpKeys.orElseThrow(), List.of(mcp.issuer()));
        try {
            if (!claims.hasAudience()
                    || claims.getAudience().stream()
                            .noneMatch(aud -> namesResource(aud, mcp.resource()) || aud.equals(settings.clientId()))) {
                throw new AuthFailure(AuthError.INVALID_JWT, "The token was not issued for this MCP server");
            }
            return identityOf(claims, Optional.of(mcp.resource()))
                    .withClient(Optional.ofNullable(claims.getStringClaimValue("client_id")));
        } catch (MalformedClaimException e) {
            throw new AuthFailure(AuthError.INVALID_JWT, "The token's claims are malformed");
        }
    }

    /** Whether {@code aud} is the resource, its trailing slash aside (clients and servers disagree on it). */
    private static boolean namesResource(String aud, String resource) {
        try {
            return ProtectedResources.canonicalise(aud).equals(resource);
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    /** The token's claims once its signature (RS256, by {@code keys}), issuer and expiry hold. */
    private JwtClaims verified(String token, JwksKeys keys, List<String> issuers) {
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
            return new JwtConsumerBuilder()
                    .setJwsAlgorithmConstraints(
                            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                    .setVerificationKey(key)
                    .setExpectedIssuers(true, issuers.toArray(String[]::new))
                    .setSkipDefaultAudienceValidation()
                    .setRequireExpirationTime()
                    .setRequireSubject()
                    .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                    .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                    .build()
                    .processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new AuthFailure(
                    AuthError.INVALID_JWT,
                    e.hasExpired()
                            ? "The token has expired"
                            : "The token's signature, algorithm, issuer or claims are not valid");
        }
    }

    private ProviderIdentity identityOf(JwtClaims claims, Optional<String> resource) {
        try {
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
                    impersonatorOf(claims),
                    resource,
                    Optional.empty());
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
