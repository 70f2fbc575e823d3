package dev.latchkey.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.membership.Role;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.scope.Scope;
import dev.latchkey.domain.scope.ScopeSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The authority rule as a property, over role × credential kind × operation with random grants:
 * an operation that creates or widens authority succeeds exactly when the caller may exercise the
 * route's scope by the kind of its credential and holds every scope it hands out — never more.
 */
class AuthorityPropertyTest {
    private static final List<String> WORDS = List.of(
            "records",
            "api_keys",
            "members",
            "actors",
            "approvals",
            "workload_policies",
            "workspaces",
            "pipelines",
            "usage");
    private static final List<String> ACTIONS = List.of("read", "write", "decide", "delete", "*");

    /** An operation that hands out authority: the scope its route requires, and what it grants. */
    private record Operation(String name, ScopeSet required) {}

    private static final List<Operation> OPERATIONS = List.of(
            new Operation("create a key", ScopeSet.parse(List.of("api_keys:write"))),
            new Operation("roll a key", ScopeSet.parse(List.of("api_keys:write"))),
            new Operation("invite or change a member", ScopeSet.parse(List.of("members:write"))),
            new Operation("map an identity", ScopeSet.parse(List.of("actors:write"))),
            new Operation("approve a workload policy", ScopeSet.parse(List.of("workload_policies:decide"))),
            new Operation("decide an approval", ScopeSet.parse(List.of("approvals:decide"))),
            new Operation("delete the workspace", ScopeSet.parse(List.of("workspaces:delete"))));

    private static ScopeSet randomScopes(Random random) {
        int n = random.nextInt(5);
        List<String> scopes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            scopes.add(
                    random.nextInt(12) == 0
                            ? "*"
                            : WORDS.get(random.nextInt(WORDS.size())) + ":"
                                    + ACTIONS.get(random.nextInt(ACTIONS.size())));
        }
        return ScopeSet.parse(scopes);
    }

    private static Principal principal(CredentialKind kind, ScopeSet scopes) {
        Actor actor = new Actor(
                "act_1",
                Authority.isPerson(kind) ? ActorKind.HUMAN : ActorKind.AGENT,
                ActorStatus.ACTIVE,
                Optional.of("ws_1"),
                "x",
                Set.of());
        return new Principal(actor, Optional.of("ws_1"), kind, scopes, "cred_1", Optional.empty());
    }

    /** The specification, written independently of the code: who may, by kind and by scopes. */
    private static boolean oracle(CredentialKind kind, ScopeSet held, Operation operation, ScopeSet granted) {
        Scope required = operation.required().scopes().first();
        boolean governance = Set.of(
                        "approvals:decide",
                        "workload_policies:decide",
                        "members:write",
                        "actors:write",
                        "workspaces:delete")
                .contains(required.toString());
        boolean person = kind == CredentialKind.USER_JWT
                || kind == CredentialKind.EXTERNAL_JWT
                || kind == CredentialKind.WORKOS_ACCESS_TOKEN;
        boolean delegated = kind == CredentialKind.WORKLOAD_TOKEN || kind == CredentialKind.OAUTH_ACCESS_TOKEN;
        if (governance && !person) {
            return false;
        }
        if (required.toString().equals("api_keys:write") && delegated) {
            return false;
        }
        return held.covers(required) && granted.scopes().stream().allMatch(held::covers);
    }

    @Test
    void noOperationEverYieldsMoreThanTheCallerHolds() {
        Random random = new Random(20261201L);
        RoleScopes roles = RoleScopes.defaults();
        int allowed = 0;
        int refused = 0;
        for (int round = 0; round < 20_000; round++) {
            CredentialKind kind = CredentialKind.values()[random.nextInt(CredentialKind.values().length)];
            ScopeSet held = random.nextBoolean()
                    ? roles.of(Role.values()[random.nextInt(Role.values().length)])
                    : randomScopes(random);
            Operation operation = OPERATIONS.get(random.nextInt(OPERATIONS.size()));
            ScopeSet granted = random.nextInt(4) == 0
                    ? roles.of(Role.values()[random.nextInt(Role.values().length)])
                    : randomScopes(random);
            Principal caller = principal(kind, held);

            boolean succeeded;
            try {
                AccessPolicy.requireScopes(caller, operation.required());
                Authority.requireWithin(caller.scopes(), granted, operation.name());
                succeeded = true;
            } catch (AuthFailure failure) {
                assertThat(failure.error()).isEqualTo(AuthError.INSUFFICIENT_SCOPE);
                succeeded = false;
            }

            assertThat(succeeded)
                    .as("%s by %s holding %s granting %s", operation.name(), kind, held, granted)
                    .isEqualTo(oracle(kind, held, operation, granted));
            if (succeeded) {
                assertThat(held.coversAll(granted)).isTrue();
                allowed++;
            } else {
                refused++;
            }
        }
        assertThat(allowed).as("the property was exercised both ways").isGreaterThan(500);
        assertThat(refused).isGreaterThan(500);
    }
}
