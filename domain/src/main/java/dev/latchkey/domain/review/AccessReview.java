package dev.latchkey.domain.review;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyStore;
import dev.latchkey.domain.auth.AccessPolicy;
import dev.latchkey.domain.auth.Authority;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.grant.DelegationGrant;
import dev.latchkey.domain.grant.DelegationGrantStore;
import dev.latchkey.domain.grant.GrantScopes;
import dev.latchkey.domain.membership.Membership;
import dev.latchkey.domain.membership.MembershipStore;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.oauth.OAuthClient;
import dev.latchkey.domain.oauth.OAuthClientStore;
import dev.latchkey.domain.oauth.OAuthToken;
import dev.latchkey.domain.oauth.OAuthTokenStore;
import dev.latchkey.domain.route.Posture;
import dev.latchkey.domain.route.RouteTable;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workload.Workload;
import dev.latchkey.domain.workload.WorkloadStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who can reach one route of the guarded API right now, and through what: the access review a
 * workspace admin runs before a release. The route's posture comes from the route table as {@code
 * /authz/check} would match it; then every credential Latchkey keeps for the workspace is weighed the
 * way the decision weighs it — members by their role's scopes, API keys by theirs, workloads by each
 * active grant's effective scopes (person ∩ approved policy ∩ requested), OAuth machine clients by
 * the scopes their creator gave them, people's live OAuth tokens by their scopes ∩ the person's — with
 * whether a sensitive route would first hold it for a person's approval.
 */
public final class AccessReview {
    private final RouteTable routes;
    private final MembershipStore memberships;
    private final RoleScopes roleScopes;
    private final ApiKeyStore apiKeys;
    private final DelegationGrantStore grants;
    private final GrantScopes grantScopes;
    private final WorkloadStore workloads;
    private final OAuthClientStore oauthClients;
    private final OAuthTokenStore oauthTokens;
    private final Set<CredentialKind> approvalsRequiredFor;
    private final Clock clock;

    public AccessReview(
            RouteTable routes,
            MembershipStore memberships,
            RoleScopes roleScopes,
            ApiKeyStore apiKeys,
            DelegationGrantStore grants,
            GrantScopes grantScopes,
            WorkloadStore workloads,
            OAuthClientStore oauthClients,
            OAuthTokenStore oauthTokens,
            Set<CredentialKind> approvalsRequiredFor,
            Clock clock) {
        this.routes = routes;
        this.memberships = memberships;
        this.roleScopes = roleScopes;
        this.apiKeys = apiKeys;
        this.grants = grants;
        this.grantScopes = grantScopes;
        this.workloads = workloads;
        this.oauthClients = oauthClients;
        this.oauthTokens = oauthTokens;
        this.approvalsRequiredFor = Set.copyOf(approvalsRequiredFor);
        this.clock = clock;
    }

    /**
     * One principal that reaches the route: its kind ({@code person}, {@code api_key}, {@code
     * workload}, {@code oauth_client}, {@code oauth_token}), its id, what it goes through (a role, a
     * grant and the person behind it, a client), the scopes it holds that the route asks for, and
     * whether a sensitive route holds it for approval first.
     */
    public record Reach(
            String kind, String id, Optional<String> name, String through, ScopeSet scopes, boolean needsApproval) {}

    /**
     * The route's posture ({@code public}, {@code authenticated}, {@code sensitive}, {@code owner},
     * {@code retired}), the scopes it requires, who reaches it, and what the review cannot list.
     */
    public record Review(
            String method,
            String path,
            String posture,
            ScopeSet requiredScopes,
            List<Reach> principals,
            List<String> notes) {
        public Review {
            principals = List.copyOf(principals);
            notes = List.copyOf(notes);
        }
    }

    /** @throws dev.latchkey.domain.error.RequestRejected not found when no route matches */
    public Review review(Principal caller, String method, String path) {
        String tenant = AccessPolicy.requireTenant(caller);
        Posture posture = routes.match(method, path).posture();
        ScopeSet required = RouteTable.requiredBy(posture);
        List<String> notes = new ArrayList<>();
        String kind = postureName(posture);
        if (posture instanceof Posture.Public) {
            notes.add("A public route: anyone reaches it, with or without a credential.");
            return new Review(method, path, kind, required, List.of(), notes);
        }
        if (posture instanceof Posture.Retired) {
            notes.add("A retired route: nobody reaches it; every caller is told where it went.");
            return new Review(method, path, kind, required, List.of(), notes);
        }
        if (posture instanceof Posture.Owner) {
            notes.add("An owner-scoped route: who reaches it depends on each principal's owner scopes (from actor"
                    + " mappings) and the path; not listed here.");
            return new Review(method, path, kind, required, List.of(), notes);
        }
        boolean sensitive = posture instanceof Posture.Sensitive;
        Instant now = clock.instant();
        List<Reach> reach = new ArrayList<>();
        Map<String, ScopeSet> people = new java.util.LinkedHashMap<>();
        for (Membership member : memberships.listActiveByWorkspace(tenant)) {
            ScopeSet scopes = roleScopes.of(member.role());
            people.put(member.userId(), scopes);
            if (scopes.coversAll(required)) {
                reach.add(new Reach(
                        "person",
                        member.userId(),
                        Optional.empty(),
                        "role " + member.role().wireName(),
                        held(scopes, required),
                        false));
            }
            for (OAuthToken token : oauthTokens.listLiveByUser(member.userId(), now)) {
                ScopeSet tokenScopes = token.scopes().intersect(scopes);
                if (token.workspaceId().equals(tenant)
                        && tokenScopes.coversAll(required)
                        && mayExercise(CredentialKind.OAUTH_ACCESS_TOKEN, required)) {
                    reach.add(new Reach(
                            "oauth_token",
                            token.familyId(),
                            Optional.empty(),
                            "client " + token.clientId() + " for " + member.userId(),
                            held(tokenScopes, required),
                            sensitive && approvalsRequiredFor.contains(CredentialKind.OAUTH_ACCESS_TOKEN)));
                }
            }
        }
        for (ApiKey key : apiKeys.listByWorkspace(tenant)) {
            if (key.isUsableAt(now)
                    && key.scopes().coversAll(required)
                    && mayExercise(CredentialKind.API_KEY, required)) {
                reach.add(new Reach(
                        "api_key",
                        key.id(),
                        Optional.of(key.name()),
                        "key " + key.lookupPrefix(),
                        held(key.scopes(), required),
                        sensitive && approvalsRequiredFor.contains(CredentialKind.API_KEY)));
            }
        }
        Map<String, Workload> byId =
                workloads.listByTenant(tenant).stream().collect(Collectors.toMap(Workload::id, Function.identity()));
        for (DelegationGrant grant : grants.listByTenant(tenant)) {
            Workload workload = byId.get(grant.workloadId());
            if (!grant.isActiveAt(now) || workload == null || !workload.isActive()) {
                continue;
            }
            ScopeSet effective = grantScopes.explain(grant).effective();
            if (effective.coversAll(required) && mayExercise(CredentialKind.WORKLOAD_TOKEN, required)) {
                reach.add(new Reach(
                        "workload",
                        workload.id(),
                        Optional.of(workload.name()),
                        "grant " + grant.id() + " from " + grant.userId(),
                        held(effective, required),
                        sensitive && approvalsRequiredFor.contains(CredentialKind.WORKLOAD_TOKEN)));
            }
        }
        for (OAuthClient client : oauthClients.listMachineClients(tenant)) {
            ScopeSet cap = ScopeSet.parseSpaceSeparated(client.scope().orElse(""));
            if (cap.coversAll(required) && mayExercise(CredentialKind.OAUTH_ACCESS_TOKEN, required)) {
                reach.add(new Reach(
                        "oauth_client",
                        client.clientId(),
                        client.clientName(),
                        "client_credentials",
                        held(cap, required),
                        sensitive && approvalsRequiredFor.contains(CredentialKind.OAUTH_ACCESS_TOKEN)));
            }
        }
        notes.add("Not listed: WorkOS API keys and tokens of trusted issuers, which Latchkey learns of only when"
                + " they are presented; they reach the route as far as their mapped role's scopes cover "
                + required.toSpaceSeparated() + ".");
        return new Review(method, path, kind, required, reach, notes);
    }

    /** The scopes that matter here: what the route requires, as the principal holds them (all, when none is required). */
    private static ScopeSet held(ScopeSet scopes, ScopeSet required) {
        return required.isEmpty() ? scopes : scopes.intersect(required);
    }

    /** Whether a credential of this kind may exercise the scopes at all (governance is people's). */
    private static boolean mayExercise(CredentialKind kind, ScopeSet required) {
        return Authority.isPerson(kind)
                || required.scopes().stream().noneMatch(Authority.GOVERNANCE::covers)
                        && (!Authority.isDelegated(kind)
                                || required.scopes().stream().noneMatch(Authority.NEVER_DELEGATED::covers));
    }

    private static String postureName(Posture posture) {
        if (posture instanceof Posture.Public) {
            return "public";
        }
        if (posture instanceof Posture.Sensitive) {
            return "sensitive";
        }
        if (posture instanceof Posture.Owner) {
            return "owner";
        }
        if (posture instanceof Posture.Retired) {
            return "retired";
        }
        return "authenticated";
    }
}
