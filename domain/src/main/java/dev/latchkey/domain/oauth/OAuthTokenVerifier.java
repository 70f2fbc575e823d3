package dev.latchkey.domain.oauth;

import dev.latchkey.domain.auth.AbsentCredentials;
import dev.latchkey.domain.auth.CachedTokenVerification;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.CredentialVerifier;
import dev.latchkey.domain.auth.JwtShape;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.common.Caches;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.membership.UserPrincipals;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Verifies OAuth access tokens, opaque ({@code <prefix>oat_…}) or RFC 9068 JWTs of ours ({@code typ:
 * at+jwt}, our issuer, a {@code client_id}). A machine client's sealed token is opened (its MAC
 * checked) and its id looked up among the revoked; any other is found by its hash — a JWT's signature adds
 * nothing Latchkey's own record does not already prove, and the record is what revocation changes —
 * in one indexed read by the token's SHA-256
 * (already computed for the cache; a token found unknown, expired or revoked is remembered — all three
 * are final — so a flood of dead tokens does not become a flood of reads), then the person behind it — still an active member of the
 * workspace the token is bound to, not signed out everywhere since. The principal's scopes are the
 * token's, narrowed to the person's current role, and it is bound to the token's resource. A machine
 * client's own token is the client's ({@link MachineClientPrincipals}).
 * Results are cached like every token; revocation in this process evicts the family at once.
 */
public final class OAuthTokenVerifier implements CredentialVerifier {
    private final OAuthTokenStore tokens;
    private final SealedMachineTokens sealed;
    private final UserStore users;
    private final UserPrincipals principals;
    private final CachedTokenVerification verifications;
    private final String prefix;
    private final String issuer;
    private final Clock clock;
    private final AbsentCredentials absent;
    private final MachineClientPrincipals machines;
    /** Whether any resource gets JWT access tokens: if none does, other JWTs are not even looked at. */
    private final boolean issuesJwts;

    /** For a server issuing opaque access tokens only. */
    public OAuthTokenVerifier(
            OAuthTokenStore tokens,
            SealedMachineTokens sealed,
            UserStore users,
            UserPrincipals principals,
            MachineClientPrincipals machines,
            CachedTokenVerification verifications,
            OAuthSettings settings,
            Clock clock,
            Caches caches) {
        this(
                tokens,
                sealed,
                users,
                principals,
                machines,
                verifications,
                settings,
                AccessTokenFormats.allOpaque(),
                clock,
                caches);
    }

    public OAuthTokenVerifier(
            OAuthTokenStore tokens,
            SealedMachineTokens sealed,
            UserStore users,
            UserPrincipals principals,
            MachineClientPrincipals machines,
            CachedTokenVerification verifications,
            OAuthSettings settings,
            AccessTokenFormats formats,
            Clock clock,
            Caches caches) {
        this.issuesJwts = formats.anyJwt();
        this.machines = machines;
        this.absent = new AbsentCredentials(caches, "unknown_oauth_tokens");
        this.tokens = tokens;
        this.sealed = sealed;
        this.users = users;
        this.principals = principals;
        this.verifications = verifications;
        this.prefix = settings.accessTokenPrefix();
        this.issuer = settings.issuer();
        this.clock = clock;
    }

    @Override
    public CredentialKind kind() {
        return CredentialKind.OAUTH_ACCESS_TOKEN;
    }

    @Override
    public boolean recognises(PresentedCredential credential) {
        if (!(credential instanceof PresentedCredential.Bearer)) {
            return false;
        }
        String value = credential.value();
        // Every user and trusted issuer's JWT passes here first: with no JWT resource, spare it the decoding.
        return value.startsWith(prefix) || (issuesJwts && isOurJwtAccessToken(value));
    }

    private boolean isOurJwtAccessToken(String value) {
        return JwtShape.unverifiedType(value).filter("at+jwt"::equalsIgnoreCase).isPresent()
                && JwtShape.unverifiedIssuer(value).filter(issuer::equals).isPresent()
                && JwtShape.namesClaim(value, "client_id");
    }

    @Override
    public Principal verify(PresentedCredential credential) {
        return verifications.verify(credential, () -> check(credential));
    }

    private CachedTokenVerification.Verified check(PresentedCredential credential) {
        Instant now = clock.instant();
        if (absent.isKnownAbsent(credential.fingerprint())) {
            throw invalid("The OAuth token is unknown, expired or revoked");
        }
        Optional<OAuthToken> found = sealed.holds(credential.value())
                ? sealed.find(credential.value())
                : tokens.findByAccessHash(TokenHashes.of(credential.fingerprint()));
        Optional<OAuthToken> usable = found.filter(t -> t.accessUsableAt(now));
        if (usable.isEmpty()) {
            // Unknown, expired and revoked are all final: no need to read this token again.
            absent.rememberAbsent(credential.fingerprint());
        }
        OAuthToken token = usable.orElseThrow(() -> invalid("The OAuth token is unknown, expired or revoked"));
        Principal principal = token.isClientsOwn() ? machines.principalFor(token) : personFor(token);
        return new CachedTokenVerification.Verified(token.id(), token.familyId(), principal, token.accessExpiresAt());
    }

    private Principal personFor(OAuthToken token) {
        User user = users.findById(token.userId().orElseThrow())
                .filter(u -> u.acceptsTokenIssuedAt(token.issuedAt()))
                .orElseThrow(() -> invalid("The user behind this OAuth token signed out everywhere"));
        Principal person =
                principals.of(user, Optional.of(token.workspaceId()), kind(), token.id(), token.accessExpiresAt());
        Principal principal = new Principal(
                        person.actor(),
                        person.tenantId(),
                        kind(),
                        person.scopes().intersect(token.scopes()),
                        token.id(),
                        Optional.of(token.accessExpiresAt()),
                        Optional.empty(),
                        Optional.of(token.resource()))
                .from(new Principal.Origin(
                        Optional.of(token.clientId()), Optional.of(token.issuedAt()), Optional.empty()));
        return principal;
    }

    private static AuthFailure invalid(String detail) {
        return new AuthFailure(AuthError.INVALID_OAUTH_TOKEN, detail);
    }
}
