package dev.latchkey.domain.oauth.exchange;

import dev.latchkey.domain.auth.AuthenticateRequest;
import dev.latchkey.domain.auth.Authority;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.grant.DelegationGrant;
import dev.latchkey.domain.grant.DelegationGrantStore;
import dev.latchkey.domain.oauth.OAuthError;
import dev.latchkey.domain.oauth.OAuthFailure;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workloadtoken.HandOnWorkloadToken;
import dev.latchkey.domain.workloadtoken.IssueWorkloadToken;
import dev.latchkey.domain.workloadtoken.WorkloadCredential;
import dev.latchkey.domain.workloadtoken.WorkloadProof;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * RFC 8693 token exchange at {@code /oauth/token} for agents: a workload presents its own secret as
 * the {@code actor_token} (its id as {@code client_id}), or authenticates as client {@code workload
 * id} with the secret (Basic or form), and, as the {@code subject_token}, either the
 * delegation grant it acts under or the access token of the person it acts for (then their newest
 * active grant to it). The answer is the token {@code POST /internal/auth/workload-token} issues, by
 * the same use case, optionally narrowed to a requested {@code scope} — never widened. A subject that
 * is another workload's token is handed on ({@link HandOnWorkloadToken}): multi-hop delegation.
 *
 * <p>Every way the subject or actor token fails is {@code invalid_request} (RFC 8693 §2.2.2), with a
 * description that says which; scopes beyond the grant are {@code invalid_scope}; an audience other
 * than the workload tokens' is {@code invalid_target}; an identity provider or store that cannot
 * answer is {@code temporarily_unavailable}, never a refusal.
 */
public final class ExchangeForWorkloadToken {
    public static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    public static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    public static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
    /** A delegation grant's id as the subject: "act for whoever gave me this grant". */
    public static final String GRANT_TOKEN_TYPE = "urn:latchkey:params:oauth:token-type:delegation-grant";
    /** A workload's own secret ({@code wk_…}) as the actor. */
    public static final String WORKLOAD_SECRET_TYPE = "urn:latchkey:params:oauth:token-type:workload-secret";
    /** A platform's OIDC token as the actor (Kubernetes, GitHub Actions): also accepted as a JWT. */
    public static final String ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";

    /** The exchange's parameters (RFC 8693 §2.1); any may be missing. */
    public record Request(
            Optional<String> workloadId,
            Optional<String> clientSecret,
            Optional<String> subjectToken,
            Optional<String> subjectTokenType,
            Optional<String> actorToken,
            Optional<String> actorTokenType,
            Optional<String> requestedTokenType,
            Optional<String> scope,
            Optional<String> audience) {
        @Override
        public String toString() {
            return "TokenExchange[" + workloadId.orElse("?") + ", tokens redacted]";
        }
    }

    private final WorkloadProof proof;
    private final IssueWorkloadToken issue;
    private final HandOnWorkloadToken handOn;
    private final DelegationGrantStore grants;
    private final AuthenticateRequest authenticate;
    private final String audience;
    private final Clock clock;

    public ExchangeForWorkloadToken(
            WorkloadProof proof,
            IssueWorkloadToken issue,
            HandOnWorkloadToken handOn,
            DelegationGrantStore grants,
            AuthenticateRequest authenticate,
            String audience,
            Clock clock) {
        this.proof = proof;
        this.issue = issue;
        this.handOn = handOn;
        this.grants = grants;
        this.authenticate = authenticate;
        this.audience = audience;
        this.clock = clock;
    }

    public IssueWorkloadToken.Issued exchange(Request request) {
        String subject = required(request.subjectToken(), "subject_token");
        String subjectType = required(request.subjectTokenType(), "subject_token_type");
        WorkloadCredential actor = actor(request);
        request.requestedTokenType()
                .filter(type -> !type.equals(ACCESS_TOKEN_TYPE) && !type.equals(JWT_TOKEN_TYPE))
                .ifPresent(type -> {
                    throw invalid("requested_token_type must be " + ACCESS_TOKEN_TYPE + " or " + JWT_TOKEN_TYPE);
                });
        request.audience().filter(a -> !a.equals(audience)).ifPresent(a -> {
            throw new OAuthFailure(OAuthError.INVALID_TARGET, "Workload tokens are for audience " + audience);
        });
        Optional<ScopeSet> narrowed = request.scope().map(ExchangeForWorkloadToken::scopes);
        try {
            boolean accessToken = subjectType.equals(ACCESS_TOKEN_TYPE) || subjectType.equals(JWT_TOKEN_TYPE);
            if (!accessToken && !subjectType.equals(GRANT_TOKEN_TYPE)) {
                throw invalid("subject_token_type must be " + GRANT_TOKEN_TYPE + " or " + ACCESS_TOKEN_TYPE);
            }
            if (accessToken && handOn.handsOn(subject)) {
                // Another workload's token: this workload takes over part of its work (multi-hop).
                return handOn.execute(actor, subject, narrowed);
            }
            // Which workload the actor is, to find the person's grant to it; issuing proves it again.
            String grantId =
                    accessToken ? grantOfPerson(subject, proof.prove(actor).id()) : subject;
            return issue.execute(actor, grantId, narrowed);
        } catch (AuthFailure failure) {
            throw translated(failure);
        } catch (RequestRejected rejected) {
            throw invalid("The subject_token: " + rejected.getMessage());
        }
    }

    /**
     * The workload's own credential: the {@code actor_token} — its secret (the workload named by
     * {@code client_id}) or its platform's signed token (federation: the workload pinned to the token's
     * issuer and subject) — or, for clients that authenticate the usual OAuth way, the client secret
     * it authenticated with as client {@code workload id}.
     */
    private static WorkloadCredential actor(Request request) {
        if (request.actorToken().isEmpty()) {
            return new WorkloadCredential.Secret(
                    required(request.workloadId(), "client_id (the workload's id)"),
                    required(
                            request.clientSecret(),
                            "actor_token (the workload's secret or platform token), or the secret as client"
                                    + " authentication"));
        }
        String token = required(request.actorToken(), "actor_token");
        String type = required(request.actorTokenType(), "actor_token_type");
        if (type.equals(WORKLOAD_SECRET_TYPE)) {
            return new WorkloadCredential.Secret(
                    required(request.workloadId(), "client_id (the workload's id)"), token);
        }
        if (type.equals(JWT_TOKEN_TYPE) || type.equals(ID_TOKEN_TYPE)) {
            return new WorkloadCredential.PlatformToken(request.workloadId().filter(id -> !id.isEmpty()), token);
        }
        throw invalid(
                "actor_token_type must be " + WORKLOAD_SECRET_TYPE + " or, for a platform's token, " + JWT_TOKEN_TYPE);
    }

    /** The newest active grant the token's person gave this workload in the token's workspace. */
    private String grantOfPerson(String accessToken, String workloadId) {
        Principal person;
        try {
            person = authenticate.authenticate(Optional.of(new PresentedCredential.Bearer(accessToken)));
        } catch (AuthFailure failure) {
            if (failure.error().kind() == AuthError.Kind.UNAVAILABLE) {
                throw failure;
            }
            throw invalid("The subject_token is not a valid access token: " + failure.getMessage());
        }
        if (!Authority.isPerson(person.credentialKind()) || person.tenantId().isEmpty()) {
            throw invalid("The subject_token must be a person's access token with a workspace");
        }
        Instant now = clock.instant();
        return grants.listByTenant(person.tenantId().get()).stream()
                .filter(g -> g.userId().equals(person.actor().id())
                        && g.workloadId().equals(workloadId)
                        && g.isActiveAt(now))
                .max(Comparator.comparing(DelegationGrant::createdAt))
                .map(DelegationGrant::id)
                .orElseThrow(() -> invalid("The subject_token's person has given this workload no active grant"));
    }

    private static OAuthFailure translated(AuthFailure failure) {
        return switch (failure.error().kind()) {
            case UNAVAILABLE -> new OAuthFailure(OAuthError.TEMPORARILY_UNAVAILABLE, failure.getMessage());
            case THROTTLED ->
                OAuthFailure.throttled(
                        failure.getMessage(), failure.retryAfter().orElse(java.time.Duration.ofSeconds(1)));
            default ->
                failure.error() == AuthError.INSUFFICIENT_SCOPE
                        ? new OAuthFailure(OAuthError.INVALID_SCOPE, failure.getMessage())
                        : invalid(failure.getMessage());
        };
    }

    private static ScopeSet scopes(String scope) {
        try {
            ScopeSet parsed = ScopeSet.parseSpaceSeparated(scope);
            if (parsed.isEmpty()) {
                throw new OAuthFailure(OAuthError.INVALID_SCOPE, "scope names no scope");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new OAuthFailure(OAuthError.INVALID_SCOPE, "scope is malformed: " + e.getMessage());
        }
    }

    private static String required(Optional<String> value, String name) {
        return value.filter(v -> !v.isEmpty()).orElseThrow(() -> invalid(name + " is required"));
    }

    private static OAuthFailure invalid(String description) {
        return new OAuthFailure(OAuthError.INVALID_REQUEST, description);
    }
}
