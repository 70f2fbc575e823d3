package dev.latchkey.domain.token;

import dev.latchkey.domain.common.IdGenerator;
import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.MembershipStore;
import dev.latchkey.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Mints a user access token bound to the user's workspace (their oldest active membership). */
public final class IssueUserToken {
    private final UserTokenCodec codec;
    private final MembershipStore memberships;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration lifetime;

    public IssueUserToken(
            UserTokenCodec codec, MembershipStore memberships, IdGenerator ids, Clock clock, Duration lifetime) {
        this.codec = codec;
        this.memberships = memberships;
        this.ids = ids;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public AccessToken forUser(User user) {
        List<Membership> active = memberships.listActiveByUser(user.id());
        return forUser(user, active.isEmpty() ? Optional.empty() : Optional.of(active.get(0)));
    }

    public AccessToken forUser(User user, Optional<Membership> membership) {
        // JWT times are whole seconds; never date a token before the user's last "sign out everywhere".
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant issuedAt = user.tokensValidAfter().filter(now::isBefore).orElse(now);
        UserTokenClaims claims = new UserTokenClaims(
                user.id(),
                membership.map(Membership::workspaceId),
                membership.map(m -> m.role().wireName()),
                issuedAt,
                issuedAt.plus(lifetime),
                ids.newId("jti"));
        return new AccessToken(
                codec.sign(claims),
                Duration.ofSeconds(
                        claims.expiresAt().getEpochSecond() - clock.instant().getEpochSecond()));
    }

    /**
     * A sign-in session for the person a just-issued token names, in the same workspace: a browser's
     * cookie at Latchkey's own pages, refused as an API credential, valid until {@code expiresAt}.
     */
    public AccessToken session(UserTokenClaims signedIn, Instant signedInAt, String sessionId, Instant expiresAt) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant issuedAt = signedIn.issuedAt().isAfter(now) ? signedIn.issuedAt() : now;
        UserTokenClaims claims = new UserTokenClaims(
                signedIn.subject(),
                signedIn.tenantId(),
                signedIn.orgRole(),
                issuedAt,
                expiresAt,
                sessionId,
                Optional.of(signedInAt.truncatedTo(ChronoUnit.SECONDS)));
        return new AccessToken(codec.sign(claims), Duration.between(now, expiresAt));
    }

    /**
     * A short-lived API token for the person of a live session, for the pages that act through
     * Latchkey's own API on their behalf (the console); it never reaches the browser.
     */
    public AccessToken forSession(UserTokenClaims session, Instant expiresAt) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant issuedAt = session.issuedAt().isAfter(now) ? session.issuedAt() : now;
        UserTokenClaims claims = new UserTokenClaims(
                session.subject(), session.tenantId(), session.orgRole(), issuedAt, expiresAt, ids.newId("jti"));
        return new AccessToken(codec.sign(claims), Duration.between(now, expiresAt));
    }

    /** A new session id. */
    public String newSessionId() {
        return ids.newId("ses");
    }
}
