package dev.latchkey.domain.route;

import dev.latchkey.domain.approval.SensitiveActions;
import dev.latchkey.domain.auth.AccessPolicy;
import dev.latchkey.domain.auth.AuthenticateRequest;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.domain.usage.UsageGate;
import dev.latchkey.domain.scope.ScopeSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decision for a request to a guarded API: the first rule matching the method and path decides
 * its posture; a request no rule matches is denied as not found, never allowed by default.
 * Identity comes from the verified credential alone; nothing the caller wrote elsewhere counts.
 */
public final class DecideAccess {

    /**
     * Allowed; the principal and its allowance are empty for public routes. {@code approvedBodySha256}
     * is the body an approval was bound to, when one was used: the upstream must receive exactly it.
     */
    public record Decision(Optional<Principal> principal, Optional<UsageGate.Allowance> allowance,
            Optional<String> approvedBodySha256) {

        public Decision(Optional<Principal> principal, Optional<UsageGate.Allowance> allowance) {
            this(principal, allowance, Optional.empty());
        }
    }

    /** What a sensitive action is bound to: the SHA-256 of the exact body, and an approval if presented. */
    public record ActionFacts(String bodySha256, Optional<String> approvalId) {
        /** The SHA-256 of an empty body. */
        public static final String EMPTY_BODY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        public static ActionFacts none() {
            return new ActionFacts(EMPTY_BODY, Optional.empty());
        }
    }

    private final List<RouteRule> rules;
    private final AuthenticateRequest authenticate;
    private final SensitiveActions sensitive;
    private final AuthError missingTenant;
    private final UsageGate usage;
    private final Optional<ProtectedResources> resources;

    public DecideAccess(List<RouteRule> rules, AuthenticateRequest authenticate, SensitiveActions sensitive,
            AuthError missingTenant, UsageGate usage) {
        this(rules, authenticate, sensitive, missingTenant, usage, Optional.empty());
    }

    /**
     * @param missingTenant what a guarded route answers a principal without a tenant:
     *     {@code no_workspace} (bootstrap first) or {@code tenant_context_required}
     * @param resources the APIs OAuth tokens are issued for: a token bound to one is refused at another
     */
    public DecideAccess(List<RouteRule> rules, AuthenticateRequest authenticate, SensitiveActions sensitive,
            AuthError missingTenant, UsageGate usage, Optional<ProtectedResources> resources) {
        this.usage = usage;
        this.resources = resources;
        if (missingTenant != AuthError.NO_WORKSPACE && missingTenant != AuthError.TENANT_CONTEXT_REQUIRED) {
            throw new IllegalArgumentException("missing tenant answers no_workspace or tenant_context_required");
        }
        this.rules = List.copyOf(rules);
        this.authenticate = authenticate;
        this.sensitive = sensitive;
        this.missingTenant = missingTenant;
    }

    public Decision decide(String method, String path, Optional<PresentedCredential> credential) {
        return decide(method, path, credential, ActionFacts.none());
    }

    public Decision decide(String method, String path, Optional<PresentedCredential> credential, ActionFacts facts) {
        return decide(method, Optional.empty(), path, credential, facts);
    }

    /**
     * @param host the original request's host as the trusted proxy reports it, when it does: with
     *     the path it tells apart protected resources on different hosts
     */
    public Decision decide(String method, Optional<String> host, String path, Optional<PresentedCredential> credential,
            ActionFacts facts) {
        for (RouteRule rule : rules) {
            Optional<Map<String, String>> parameters = rule.match(method, path);
            if (parameters.isPresent()) {
                return apply(rule.posture(), parameters.get(), credential, method, host, path, facts);
            }
        }
        throw RequestRejected.notFound("Route");
    }

    /**
     * The scopes the route matching {@code method} and {@code path} requires (none for a public,
     * owner or retired route, or when no rule matches): what a refusal's challenge tells the client
     * to ask for (RFC 6750 §3).
     */
    public ScopeSet requiredScopes(String method, String path) {
        for (RouteRule rule : rules) {
            if (rule.match(method, path).isPresent()) {
                Posture posture = rule.posture();
                if (posture instanceof Posture.Authenticated authenticated) {
                    return authenticated.scopes();
                }
                if (posture instanceof Posture.Sensitive sensitiveAction) {
                    return sensitiveAction.scopes();
                }
                return ScopeSet.EMPTY;
            }
        }
        return ScopeSet.EMPTY;
    }

    /**
     * The scopes a credential holds, for a 403's challenge (what is needed plus what is held, so a
     * re-authorization loses nothing); empty when it does not verify. Verified recently, it is a
     * cache lookup.
     */
    public ScopeSet scopesHeldBy(Optional<PresentedCredential> credential) {
        return authenticate.peek(credential).map(Principal::scopes).orElse(ScopeSet.EMPTY);
    }

    private Decision apply(Posture posture, Map<String, String> parameters, Optional<PresentedCredential> credential,
            String method, Optional<String> host, String path, ActionFacts facts) {
        if (posture instanceof Posture.Public) {
            return new Decision(Optional.empty(), Optional.empty());
        }
        if (posture instanceof Posture.Retired retired) {
            throw new AuthFailure(retired.code(), retired.pointer());
        }
        Principal principal = authenticate.authenticate(credential);
        if (principal.audience().isPresent() && resources.isPresent()) {
            AccessPolicy.requireAudience(principal, resources.get().forRequest(host, path));
        }
        if (principal.tenantId().isEmpty()) {
            throw new AuthFailure(missingTenant, "The verified credential carries no tenant context");
        }
        Optional<String> approvedBody = Optional.empty();
        if (posture instanceof Posture.Authenticated authenticated) {
            AccessPolicy.requireScopes(principal, authenticated.scopes());
        } else if (posture instanceof Posture.Sensitive sensitiveAction) {
            AccessPolicy.requireScopes(principal, sensitiveAction.scopes());
            approvedBody = sensitive.authorize(principal, method, path, facts.bodySha256(), facts.approvalId());
        } else if (posture instanceof Posture.Owner owner) {
            AccessPolicy.requireTenant(principal);
            boolean owns = owner.parameter()
                    .map(name -> principal.actor().ownerScopes().contains(parameters.get(name)))
                    .orElse(!principal.actor().ownerScopes().isEmpty());
            if (!owns) {
                throw new AuthFailure(AuthError.OWNER_SCOPE_MISMATCH, owner.parameter()
                        .map(name -> "You do not own " + parameters.get(name))
                        .orElse("Only studio or artist owners may read this"));
            }
        }
        return new Decision(Optional.of(principal), Optional.of(usage.admit(principal)), approvedBody);
    }
}
