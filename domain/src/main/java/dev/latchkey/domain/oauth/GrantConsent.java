package dev.latchkey.domain.oauth;

import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.common.Base62;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.MembershipStore;
import dev.latchkey.domain.membership.UserPrincipals;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserStore;
import dev.latchkey.domain.workspace.WorkspaceStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a person decides on the consent page. A client gets at most what the person holds in the
 * chosen workspace: the requested scopes narrowed to the person's role. Approval issues a
 * single-use code bound to everything the token will be; denial tells the client
 * {@code access_denied}.
 */
public final class GrantConsent {
    private static final int CODE_LENGTH = 43;

    private final UserStore users;
    private final MembershipStore memberships;
    private final WorkspaceStore workspaces;
    private final UserPrincipals principals;
    private final AuthorizationCodeStore codes;
    private final OAuthSettings settings;
    private final AuditTrail audit;
    private final SecureRandom random;
    private final Clock clock;

    public GrantConsent(
            UserStore users,
            MembershipStore memberships,
            WorkspaceStore workspaces,
            UserPrincipals principals,
            AuthorizationCodeStore codes,
            OAuthSettings settings,
            AuditTrail audit,
            SecureRandom random,
            Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.workspaces = workspaces;
        this.principals = principals;
        this.codes = codes;
        this.settings = settings;
        this.audit = audit;
        this.random = random;
        this.clock = clock;
    }

    /** The person signed in as {@code userId} and the workspaces they can choose from, oldest membership first. */
    public ConsentChoices choices(AuthorizationRequest request, String userId) {
        User user = users.findById(userId)
                .orElseThrow(() -> new AuthFailure(AuthError.INVALID_JWT, "The signed-in account no longer exists"));
        List<ConsentChoices.Workspace> choices = new ArrayList<>();
        for (Membership membership : memberships.listActiveByUser(userId)) {
            workspaces
                    .findById(membership.workspaceId())
                    .filter(w -> !w.isDeleted())
                    .ifPresent(workspace -> choices.add(new ConsentChoices.Workspace(
                            workspace.id(), workspace.name(), grantable(request, user, workspace.id()))));
        }
        return new ConsentChoices(user, choices);
    }

    /** The scopes the client would receive if the person approves in {@code workspaceId}. */
    public ScopeSet grantable(AuthorizationRequest request, User user, String workspaceId) {
        return request.scopes().intersect(principals.scopesIn(user, workspaceId));
    }

    /** Approves the request; returns where to send the browser, with the code. */
    public String approve(AuthorizationRequest request, User user, String workspaceId, Initiator initiator) {
        ScopeSet scopes = grantable(request, user, workspaceId);
        if (scopes.isEmpty()) {
            throw OAuthFailure.redirected(
                    OAuthError.INVALID_SCOPE,
                    "The user holds none of the requested scopes in this workspace",
                    request.redirect());
        }
        String code = Base62.random(random, CODE_LENGTH);
        Instant now = clock.instant();
        codes.insert(new AuthorizationCode(
                TokenHashes.of(code),
                request.client().clientId(),
                request.redirectUri(),
                request.codeChallenge(),
                scopes,
                request.resource(),
                user.id(),
                workspaceId,
                now,
                now.plus(settings.codeLifetime())));
        audit.record(
                workspaceId,
                initiator,
                "oauth.client_authorized",
                request.client().clientId(),
                Map.of("scopes", scopes.toSpaceSeparated(), "resource", request.resource()));
        return RedirectLocation.ofCode(code, request.redirect(), settings.issuer());
    }

    /** Denies the request; returns where to send the browser. */
    public String deny(AuthorizationRequest request) {
        return RedirectLocation.ofError(
                new OAuthFailure(OAuthError.ACCESS_DENIED, "The user denied the request"),
                request.redirect(),
                settings.issuer());
    }
}
