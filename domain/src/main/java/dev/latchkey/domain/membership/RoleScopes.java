package dev.latchkey.domain.membership;

import dev.latchkey.domain.scope.ScopeSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The scopes each role grants in its workspace. Every role must be mapped. */
public final class RoleScopes {
    private final Map<Role, ScopeSet> scopes;

    public RoleScopes(Map<Role, ScopeSet> scopes) {
        EnumMap<Role, ScopeSet> copy = new EnumMap<>(Role.class);
        copy.putAll(scopes);
        for (Role role : Role.values()) {
            if (!copy.containsKey(role)) {
                throw new IllegalArgumentException("no scopes configured for role " + role.wireName());
            }
        }
        this.scopes = copy;
    }

    /** Owners everything; admins govern keys, members, workloads and grants; members work; viewers read. */
    public static RoleScopes defaults() {
        return new RoleScopes(Map.of(
                Role.OWNER, ScopeSet.ALL,
                Role.ADMIN,
                        ScopeSet.parse(List.of(
                                "api_keys:*",
                                "oauth_clients:*",
                                "audit:read",
                                "members:*",
                                "records:*",
                                "actors:*",
                                "workloads:*",
                                "workload_policies:*",
                                "grants:*",
                                "approvals:*",
                                "webhooks:*",
                                "usage:read")),
                Role.MEMBER, ScopeSet.parse(List.of("api_keys:read", "records:*")),
                Role.VIEWER, ScopeSet.parse(List.of("records:read"))));
    }

    public ScopeSet of(Role role) {
        return scopes.get(role);
    }

    /** The scopes of a role named by a mapping: a workspace role's, or none for a provider's own role name. */
    public ScopeSet ofName(String role) {
        try {
            return of(Role.parse(role));
        } catch (IllegalArgumentException notAWorkspaceRole) {
            return ScopeSet.EMPTY;
        }
    }
}
