package dev.latchkey.domain.route;

import dev.latchkey.domain.approval.SensitiveActions;
import dev.latchkey.domain.auth.AccessPolicy;
import dev.latchkey.domain.auth.AuthenticateRequest;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.usage.UsageGate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one decision for a request, at both edges: a guarded API's route (the posture from its
 * {@link RouteTable}, asked through forward-auth) and Latchkey's own API (the posture a resource
 * method declares). Authenticate, then audience binding, workspace, scopes or ownership or
 * approval, then the usage gate. Identity comes from the verified credential alone; nothing the
 * caller wrote elsewhere counts. A refusal names the scopes a client should ask for
 * ({@link AuthFailure#scopesToRequest()}).
 */
public final class DecideAccess {

    /** The request as the edge read it. {@code host} is the original host a trusted proxy reported. */
    public record Request(
            String method,
            Optional<String> host,
            String path,
            Optional<PresentedCredential> credential,
            ActionFacts facts) {
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(credential, "credential");
            Objects.requireNonNull(facts, "facts");
        }

        public static Request of(String method, String path, Optional<PresentedCredential> credential) {
            return new Request(method, Optional.empty(), path, credential, ActionFacts.none());
        }
    }

    /**
     * Allowed; principal, allowance and assertion are empty for a public posture.
     * {@code approvedBodySha256} is the body an approval was bound to, when one was used: the upstream
     * must receive exactly it. {@code assertion} is the signed principal for an upstream, at the edge
     * that has one.
     */
    public record Decision(
            Optional<Principal> principal,
            Optional<UsageGate.Allowance> allowance,
            Optional<String> approvedBodySha256,
            Optional<String> assertion) {

        static final Decision PUBLIC =
                new Decision(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** What a sensitive action is bound to: the SHA-256 of the exact body, and an approval if presented. */
    public record ActionFacts(String bodySha256, Optional<String> approvalId) {
        /** The SHA-256 of an empty body. */
        public static final String EMPTY_BODY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        public static ActionFacts none() {
            return new ActionFacts(EMPTY_BODY, Optional.empty());
        }
    }

    private final AuthenticateRequest authenticate;
    private final SensitiveActions sensitive;
    private final UsageGate usage;
    private final Optional<ProtectedResources> resources;
    private final Optional<AuthError> missingTenant;
    private final Optional<PrincipalAssertions> assertions;

    private DecideAccess(
            AuthenticateRequest authenticate,
            SensitiveActions sensitive,
            UsageGate usage,
            Optional<ProtectedResources> resources,
            Optional<AuthError> missingTenant,
            Optional<PrincipalAssertions> assertions) {
        missingTenant
                .filter(code -> code != AuthError.NO_WORKSPACE && code != AuthError.TENANT_CONTEXT_REQUIRED)
                .ifPresent(code -> {
                    throw new IllegalArgumentException(
                            "missing tenant answers no_workspace or tenant_context_required");
                });
        this.authenticate = authenticate;
        this.sensitive = sensitive;
        this.usage = usage;
        this.resources = resources;
        this.missingTenant = missingTenant;
        this.assertions = assertions;
    }

    /**
     * For Latchkey's own API: a principal without a workspace where one is needed is told
     * {@code no_workspace} (a person: bootstrap one) or {@code tenant_context_required} (a machine).
     *
     * @param resources when OAuth is on: a token bound to another resource is refused
     */
    public static DecideAccess forOwnApi(
            AuthenticateRequest authenticate, UsageGate usage, Optional<ProtectedResources> resources) {
        return new DecideAccess(authenticate, null, usage, resources, Optional.empty(), Optional.empty());
    }

    /**
     * For the APIs behind forward-auth.
     *
     * @param missingTenant what a principal without a tenant is told, as the platform chose:
     *     {@code no_workspace} (bootstrap first) or {@code tenant_context_required}
     * @param assertions signs the principal of an allowed request for the upstream
     */
    public static DecideAccess forGuardedApis(
            AuthenticateRequest authenticate,
            SensitiveActions sensitive,
            UsageGate usage,
            Optional<ProtectedResources> resources,
            AuthError missingTenant,
            PrincipalAssertions assertions) {
        return new DecideAccess(
                authenticate, sensitive, usage, resources, Optional.of(missingTenant), Optional.of(assertions));
    }

    /**
     * @param parameters the path parameters the posture's rule named (an owner posture reads one)
     * @throws AuthFailure the refusal, naming the scopes to request
     */
    public Decision decide(Posture posture, Map<String, String> parameters, Request request) {
        if (posture instanceof Posture.Public) {
            return Decision.PUBLIC;
        }
        if (posture instanceof Posture.Retired retired) {
            throw new AuthFailure(retired.code(), retired.pointer());
        }
        ScopeSet required = RouteTable.requiredBy(posture);
        Principal principal;
        try {
            principal = authenticate.authenticate(request.credential());
        } catch (AuthFailure unauthenticated) {
            throw unauthenticated.requesting(required);
        }
        try {
            Optional<String> approvedBody = authorize(posture, parameters, request, principal);
            return new Decision(
                    Optional.of(principal),
                    Optional.of(usage.admit(principal)),
                    approvedBody,
                    assertions.map(signer -> signer.assertionFor(principal)));
        } catch (AuthFailure denied) {
            authenticate.denied(principal, denied.error());
            // RFC 6750 §3.1: on a scope denial name what is needed plus what is held, so a client that
            // steps up asks for both and loses nothing.
            throw denied.requesting(
                    denied.error() == AuthError.INSUFFICIENT_SCOPE ? required.union(principal.scopes()) : required);
        }
    }

    private Optional<String> authorize(
            Posture posture, Map<String, String> parameters, Request request, Principal principal) {
        if (principal.audience().isPresent() && resources.isPresent()) {
            AccessPolicy.requireAudience(principal, resources.get().forRequest(request.host(), request.path()));
        }
        boolean workspaceRequired =
                !(posture instanceof Posture.Authenticated authenticated) || authenticated.workspaceRequired();
        if (workspaceRequired && principal.tenantId().isEmpty()) {
            throw missingTenant
                    .map(code -> new AuthFailure(code, "The verified credential carries no tenant context"))
                    .orElseGet(() -> AccessPolicy.noTenant(principal));
        }
        if (posture instanceof Posture.Authenticated authenticated) {
            AccessPolicy.requireScopes(principal, authenticated.scopes());
        } else if (posture instanceof Posture.Sensitive sensitiveAction) {
            AccessPolicy.requireScopes(principal, sensitiveAction.scopes());
            return sensitive.authorize(
                    principal,
                    request.method(),
                    request.path(),
                    request.facts().bodySha256(),
                    request.facts().approvalId());
        } else if (posture instanceof Posture.Owner owner) {
            boolean owns = owner.parameter()
                    .map(name -> principal.actor().ownerScopes().contains(parameters.get(name)))
                    .orElse(!principal.actor().ownerScopes().isEmpty());
            if (!owns) {
                throw new AuthFailure(
                        AuthError.OWNER_SCOPE_MISMATCH,
                        owner.parameter()
                                .map(name -> "You do not own " + parameters.get(name))
                                .orElse("Only studio or artist owners may read this"));
            }
        }
        return Optional.empty();
    }
}
