package dev.latchkey.domain.oauth.handoff;

import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.Authority;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.common.Base62;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestError;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.oauth.AuthorizationParameters;
import dev.latchkey.domain.oauth.AuthorizationRequest;
import dev.latchkey.domain.oauth.ConsentChoices;
import dev.latchkey.domain.oauth.GrantConsent;
import dev.latchkey.domain.oauth.OAuthError;
import dev.latchkey.domain.oauth.OAuthFailure;
import dev.latchkey.domain.oauth.TokenHashes;
import dev.latchkey.domain.oauth.ValidateAuthorizationRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The login and consent handoff: the platform's own web app signs the person in and asks them,
 * instead of Latchkey's pages (seed 004: "Salty 302-redirects to /oauth/consent on apps/web where the
 * user clicks Approve"). {@code /oauth/authorize} validates the client's request, keeps it, and sends
 * the browser to the app with a request id; the app reads the request and records the person's
 * decision with the person's own credential; the browser comes back to Latchkey, which checks it is
 * the browser that started (a cookie only Latchkey set) and completes the redirect to the client,
 * issuing the code only then. Nothing here lets the app decide for anyone but the person whose
 * credential it presents, nor complete a request in another browser.
 */
public final class HandOffAuthorization {
    /** How long the person has to sign in and decide. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final int SECRET_LENGTH = 43; // ~256 bits of base62

    /** A request handed off: where to send the browser, and the secret to bind it with (a cookie). */
    public record Started(String requestId, String browserSecret, String location) {
        @Override
        public String toString() {
            return "Started[redacted]";
        }
    }

    /** What the app shows the person: the client's request and the workspaces they can choose. */
    public record View(AuthorizationRequest request, ConsentChoices choices, Instant expiresAt) {}

    private final PendingAuthorizationStore pending;
    private final ValidateAuthorizationRequest validate;
    private final GrantConsent consent;
    private final String handoffUrl;
    private final String issuer;
    private final SecureRandom random;
    private final Clock clock;

    /** @param handoffUrl the app's page that asks the person; {@code request_id} is added to it */
    public HandOffAuthorization(
            PendingAuthorizationStore pending,
            ValidateAuthorizationRequest validate,
            GrantConsent consent,
            String handoffUrl,
            String issuer,
            SecureRandom random,
            Clock clock) {
        this.pending = pending;
        this.validate = validate;
        this.consent = consent;
        this.handoffUrl = Objects.requireNonNull(handoffUrl, "handoffUrl");
        this.issuer = issuer;
        this.random = random;
        this.clock = clock;
    }

    /** Keeps a valid request for the app; the caller validated it already (its errors are the client's). */
    public Started start(AuthorizationParameters parameters) {
        String id = Base62.random(random, SECRET_LENGTH);
        String browser = Base62.random(random, SECRET_LENGTH);
        Instant now = clock.instant();
        pending.insert(new PendingAuthorization(
                TokenHashes.of(id),
                AuthorizationQuery.of(parameters),
                TokenHashes.of(browser),
                now,
                now.plus(LIFETIME),
                Optional.empty(),
                Optional.empty()));
        String location = handoffUrl + (handoffUrl.contains("?") ? "&" : "?") + "request_id=" + id;
        return new Started(id, browser, location);
    }

    /**
     * The request as the app shows it to {@code person}.
     *
     * @throws RequestRejected not found when unknown, expired or completed
     * @throws AuthFailure when the credential is not a person's
     */
    public View read(String requestId, Principal person) {
        requirePerson(person);
        PendingAuthorization open = open(requestId);
        AuthorizationRequest request = validate.validate(AuthorizationQuery.parse(open.query()));
        return new View(request, consent.choices(request, person.actor().id()), open.expiresAt());
    }

    /**
     * Records {@code person}'s decision: approval in one of their workspaces, or denial. Returns
     * where the app sends the browser to finish.
     *
     * @throws RequestRejected for a workspace they cannot approve in, or a request already decided
     */
    public String decide(String requestId, Principal person, boolean approve, Optional<String> workspaceId) {
        View view = read(requestId, person);
        Optional<String> approvedIn = Optional.empty();
        if (approve) {
            String workspace = workspaceId
                    .filter(id -> !id.isBlank())
                    .orElseThrow(() -> RequestRejected.invalid("workspace_id is required to approve"));
            boolean grantable = view.choices().workspaces().stream()
                    .anyMatch(w -> w.id().equals(workspace) && !w.grantable().isEmpty());
            if (!grantable) {
                throw RequestRejected.invalid(
                        "workspace_id must be a workspace you are an active member of and hold a requested scope in");
            }
            approvedIn = Optional.of(workspace);
        }
        boolean recorded = pending.decide(
                TokenHashes.of(requestId),
                new PendingAuthorization.Decision(person.actor().id(), approvedIn, clock.instant()));
        if (!recorded) {
            throw new RequestRejected(RequestError.CONFLICT, "This authorization request was already decided");
        }
        return issuer + "/oauth/authorize/resume?request_id=" + requestId;
    }

    /**
     * Completes a decided request in the browser that started it: the client's redirect with a code
     * (or {@code access_denied}). Issued once; the person must still be a member then.
     *
     * @throws OAuthFailure (not redirected, shown as a page) for an unknown, undecided, completed or
     *     foreign-browser request
     */
    public String resume(String requestId, Optional<String> browserSecret, Optional<String> sourceAddress) {
        Instant now = clock.instant();
        PendingAuthorization open = pending.findByIdHash(TokenHashes.of(requestId))
                .filter(p -> p.openAt(now))
                .orElseThrow(() -> shown("This authorization request is unknown, expired or already completed"));
        if (browserSecret.isEmpty() || !TokenHashes.same(TokenHashes.of(browserSecret.get()), open.browserHash())) {
            throw shown("This authorization was started in another browser; start again from the application");
        }
        PendingAuthorization.Decision decision =
                open.decision().orElseThrow(() -> shown("Nobody has approved or denied this request yet"));
        AuthorizationRequest request = validate.validate(AuthorizationQuery.parse(open.query()));
        if (!pending.complete(open.idHash(), now)) {
            throw shown("This authorization request was already completed");
        }
        if (decision.approvedIn().isEmpty()) {
            return consent.deny(request);
        }
        ConsentChoices choices = consent.choices(request, decision.userId());
        String workspace = decision.approvedIn().get();
        if (choices.workspaces().stream().noneMatch(w -> w.id().equals(workspace))) {
            return consent.deny(request);
        }
        return consent.approve(
                request, choices.user(), workspace, new Initiator(decision.userId(), Optional.empty(), sourceAddress));
    }

    /** Housekeeping: forgets requests that expired undecided or incomplete; returns how many. */
    public int forgetExpired() {
        return pending.deleteExpiredBefore(clock.instant());
    }

    private PendingAuthorization open(String requestId) {
        Instant now = clock.instant();
        return pending.findByIdHash(TokenHashes.of(requestId))
                .filter(p -> p.openAt(now))
                .orElseThrow(() -> RequestRejected.notFound("authorization request"));
    }

    private static void requirePerson(Principal caller) {
        if (!Authority.isPerson(caller.credentialKind())) {
            throw new AuthFailure(
                    AuthError.INSUFFICIENT_SCOPE,
                    "Only the person being asked decides an authorization request, with their own sign-in;"
                            + " not an API key, OAuth or workload token");
        }
    }

    private static OAuthFailure shown(String description) {
        return new OAuthFailure(OAuthError.INVALID_REQUEST, description);
    }
}
