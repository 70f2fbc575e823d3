package dev.latchkey.app;

import dev.latchkey.app.config.PasswordsConfiguration;
import dev.latchkey.app.config.UserTokensConfiguration;
import dev.latchkey.domain.account.AddressProofs;
import dev.latchkey.domain.account.EmailTokens;
import dev.latchkey.domain.account.LogIn;
import dev.latchkey.domain.account.RegisterUser;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.CachedTokenVerification;
import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.external.ExternalJwtVerifier;
import dev.latchkey.domain.external.ExternalTokenVerifier;
import dev.latchkey.domain.external.ExternalUsers;
import dev.latchkey.domain.external.SignInWithExternalIdentity;
import dev.latchkey.domain.membership.AcceptInvitations;
import dev.latchkey.domain.membership.ManageMembers;
import dev.latchkey.domain.membership.UserPrincipals;
import dev.latchkey.domain.token.IssueUserToken;
import dev.latchkey.domain.token.RevokedTokenStore;
import dev.latchkey.domain.token.SignInSessions;
import dev.latchkey.domain.token.SignOut;
import dev.latchkey.domain.token.UserTokenCodec;
import dev.latchkey.domain.token.UserTokenVerifier;
import dev.latchkey.domain.user.User;
import dev.latchkey.http.user.AuthResource;
import dev.latchkey.http.user.MembersResource;
import dev.latchkey.persistence.JdbiStores;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * People: registration and proven addresses, password and external-identity sign-in, user tokens
 * and sessions, signing out, and membership of workspaces.
 */
final class PeopleFeature {
    final IssueUserToken issueUserToken;
    /** The trusted issuers: people's sign-in, and federated workloads' platform tokens. */
    final ExternalTokenVerifier externalTokens;

    final UserPrincipals principals;
    /** Shared by user tokens and external JWTs: both are verified once per revalidation window. */
    final CachedTokenVerification tokenVerifications;

    final UserTokenVerifier userTokenVerifier;
    final SignInSessions signInSessions;
    final ExternalJwtVerifier externalJwtVerifier;
    final SignInWithExternalIdentity signInWithExternalIdentity;
    final AddressProofs addressProofs;
    final RegisterUser registerUser;
    final LogIn logIn;
    final SignOut signOut;
    final ManageMembers manageMembers;

    private final RevokedTokenStore revokedTokens;
    private final Clock clock;

    PeopleFeature(Foundations base, UserTokenCodec codec, ExternalTokenVerifier externalTokens) {
        this.externalTokens = externalTokens;
        JdbiStores stores = base.stores;
        this.revokedTokens = stores.revokedTokens();
        this.clock = base.clock;
        UserTokensConfiguration userTokens = base.configuration.getUserTokens();
        PasswordsConfiguration passwords = base.configuration.getPasswords();
        this.issueUserToken = new IssueUserToken(
                codec,
                stores.memberships(),
                base.ids,
                base.clock,
                userTokens.getLifetime().toJavaDuration());
        this.principals = new UserPrincipals(stores.memberships(), stores.workspaces(), base.roleScopes);
        this.tokenVerifications = new CachedTokenVerification(
                base.tokenVerifications,
                base.clock,
                userTokens.getRevalidateAfter().toJavaDuration(),
                base.caches);
        this.userTokenVerifier =
                new UserTokenVerifier(codec, stores.revokedTokens(), stores.users(), principals, tokenVerifications);
        this.signInSessions =
                new SignInSessions(codec, issueUserToken, userTokenVerifier, stores.revokedTokens(), base.clock);
        AcceptInvitations acceptInvitations =
                new AcceptInvitations(stores.invitations(), stores.memberships(), base.clock);
        ExternalUsers externalUsers = new ExternalUsers(
                stores.externalIdentities(),
                stores.users(),
                acceptInvitations,
                takenOver -> tookOver(base, takenOver),
                base.ids,
                base.clock);
        this.externalJwtVerifier =
                new ExternalJwtVerifier(externalTokens, externalUsers, principals, tokenVerifications);
        this.signInWithExternalIdentity = new SignInWithExternalIdentity(externalTokens, externalUsers, issueUserToken);
        String issuer = base.configuration.getOauth().getIssuer();
        this.addressProofs = new AddressProofs(
                stores.users(),
                new EmailTokens(stores.emailTokens(), base.random, base.clock),
                base.configuration.getMail().mailer(base.clock),
                acceptInvitations,
                base.hasher,
                base.events,
                base.clock,
                // The HTTP addresses of AuthResource's endpoints, which the mails name.
                new AddressProofs.Links(issuer + "/auth/verify-email", issuer + "/auth/password-reset"),
                base.budget(
                        passwords.getMaxSignUpsPerAddress(),
                        passwords.signUpWindow(),
                        "address_proof_mails_per_address"));
        this.registerUser = new RegisterUser(
                stores.users(),
                base.hasher,
                issueUserToken,
                addressProofs,
                base.budget(passwords.getMaxSignUpsPerAddress(), passwords.signUpWindow(), "sign_ups_per_address"),
                base.ids,
                base.clock,
                passwords.isSignUp(),
                passwords.isTokenAtSignUp());
        Duration loginWindow = userTokens.getFailedLoginWindow().toJavaDuration();
        this.logIn = new LogIn(
                stores.users(),
                base.hasher,
                issueUserToken,
                base.budget(userTokens.getMaxFailedLoginsPerAccount(), loginWindow, "failed_logins_per_account"),
                base.budget(userTokens.getMaxFailedLoginsPerAddress(), loginWindow, "failed_logins_per_address"),
                !passwords.isTokenAtSignUp());
        this.signOut = new SignOut(stores.revokedTokens(), stores.users(), base.events, base.clock);
        this.manageMembers = new ManageMembers(
                stores.memberships(),
                stores.invitations(),
                stores.users(),
                base.roleScopes,
                base.events,
                base.clock,
                base.audit);
    }

    /** A verified identity took over an account whose address was never proven: every token of it ended. */
    private static void tookOver(Foundations base, User takenOver) {
        base.events.publish(new CredentialEvent.ActorChanged(takenOver.id()));
        base.stores
                .memberships()
                .listActiveByUser(takenOver.id())
                .forEach(membership -> base.audit.record(
                        membership.workspaceId(),
                        new Initiator(takenOver.id(), Optional.empty(), Optional.empty()),
                        "user.taken_over",
                        takenOver.id(),
                        Map.of(
                                "reason",
                                "a verified identity signed in to this account, whose "
                                        + "address was never proven: its password and every token of it ended")));
    }

    void register(Environment environment) {
        environment
                .jersey()
                .register(new AuthResource(registerUser, logIn, signOut, signInWithExternalIdentity, addressProofs));
        environment.jersey().register(new MembersResource(manageMembers));
        // Signed-out user tokens, revoked machine tokens, spent client assertions: each entry only
        // until its token expires (a day's margin, beyond any clock-skew allowance).
        Housekeeping.every(
                Duration.ofMinutes(10),
                "expired revoked-token records",
                List.of(() -> revokedTokens.deleteExpiredBefore(clock.instant().minus(Duration.ofDays(1)))),
                environment.lifecycle(),
                "revoked-token-housekeeping");
    }
}
