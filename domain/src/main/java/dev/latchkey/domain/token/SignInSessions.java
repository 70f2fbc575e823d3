package dev.latchkey.domain.token;

import dev.latchkey.domain.auth.Principal;
import java.time.Duration;

/**
 * A browser's sign-in at Latchkey's own pages (the OAuth sign-in and consent) is a credential of
 * its own: a session token, valid for {@link #LIFETIME} at most, ended by logout-everywhere like any
 * token of the person, and refused as an API bearer — so a session cookie that leaks is no API key.
 */
public final class SignInSessions {
    /** The absolute timeout: long enough to finish authorizing clients, short against a stolen cookie. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    private final UserTokenCodec codec;
    private final IssueUserToken tokens;
    private final UserTokenVerifier verifier;

    public SignInSessions(UserTokenCodec codec, IssueUserToken tokens, UserTokenVerifier verifier) {
        this.codec = codec;
        this.tokens = tokens;
        this.verifier = verifier;
    }

    /** Opens a session for the person a sign-in just issued an access token to. */
    public AccessToken open(AccessToken signedIn) {
        return tokens.session(codec.verify(signedIn.value()), LIFETIME);
    }

    /** The person of a session cookie. */
    public Principal verify(String cookie) {
        return verifier.verifySession(cookie);
    }
}
