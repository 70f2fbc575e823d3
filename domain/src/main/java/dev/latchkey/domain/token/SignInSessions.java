package dev.latchkey.domain.token;

import dev.latchkey.domain.auth.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A browser's sign-in at Latchkey's own pages (the OAuth sign-in and consent, the console) is a
 * credential of its own: a session token, refused as an API bearer — so a session cookie that leaks
 * is no API key — and ended by logout and logout-everywhere like any token of the person.
 *
 * <p>Two timeouts, kept in the signed token rather than in a table: a session lapses after
 * {@link #IDLE_TIMEOUT} without a page view (each view while it is live renews it, keeping its id
 * and its sign-in time), and {@link #LIFETIME} after the sign-in whatever happens. Pages that act
 * through the API do so with a {@link #API_TOKEN_LIFETIME} token minted per request, never with the
 * cookie.
 */
public final class SignInSessions {
    /** The absolute timeout: long enough for a working day, short against a stolen cookie. */
    public static final Duration LIFETIME = Duration.ofHours(12);
    /** The idle timeout: a browser left alone this long must sign in again. */
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    /** The API token a page acts with; it lives on the server for one request. */
    public static final Duration API_TOKEN_LIFETIME = Duration.ofMinutes(5);

    /** A live session: the person, the renewed cookie value, and a token to act for them now. */
    public record Resumed(Principal person, AccessToken renewed, AccessToken apiToken, String sessionId) {}

    private final UserTokenCodec codec;
    private final IssueUserToken tokens;
    private final UserTokenVerifier verifier;
    private final RevokedTokenStore revoked;
    private final Clock clock;

    public SignInSessions(
            UserTokenCodec codec,
            IssueUserToken tokens,
            UserTokenVerifier verifier,
            RevokedTokenStore revoked,
            Clock clock) {
        this.codec = codec;
        this.tokens = tokens;
        this.verifier = verifier;
        this.revoked = revoked;
        this.clock = clock;
    }

    /**
     * Logout: the session's id is revoked until its absolute timeout, so no renewal of it — in this
     * browser's other tabs or anywhere it was copied — outlives the logout. A lapsed or forged
     * cookie ends nothing and is not an error.
     */
    public void end(String cookie) {
        Principal person;
        try {
            person = verifier.verifySession(cookie);
        } catch (dev.latchkey.domain.error.AuthFailure lapsed) {
            return;
        }
        UserTokenClaims session = codec.verify(cookie);
        revoked.revoke(
                session.tokenId(),
                person.actor().id(),
                session.signedInAt().orElseThrow().plus(LIFETIME));
    }

    /** Opens a session for the person a sign-in just issued an access token to. */
    public AccessToken open(AccessToken signedIn) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return tokens.session(codec.verify(signedIn.value()), now, tokens.newSessionId(), now.plus(IDLE_TIMEOUT));
    }

    /**
     * The person of a session cookie.
     *
     * @throws dev.latchkey.domain.error.AuthFailure {@code invalid_jwt} for a lapsed, ended or forged session
     */
    public Principal verify(String cookie) {
        return verifier.verifySession(cookie);
    }

    /**
     * A page view: the session checked afresh, its idle clock restarted (never past the absolute
     * timeout), and an API token for this request.
     *
     * @throws dev.latchkey.domain.error.AuthFailure {@code invalid_jwt} for a lapsed, ended or forged session
     */
    public Resumed resume(String cookie) {
        Principal person = verifier.verifySession(cookie);
        UserTokenClaims session = codec.verify(cookie);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant signedInAt = session.signedInAt().orElseThrow();
        Instant end = earliest(now.plus(IDLE_TIMEOUT), signedInAt.plus(LIFETIME));
        AccessToken renewed = tokens.session(session, signedInAt, session.tokenId(), end);
        AccessToken apiToken = tokens.forSession(session, earliest(now.plus(API_TOKEN_LIFETIME), end));
        return new Resumed(person, renewed, apiToken, session.tokenId());
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
