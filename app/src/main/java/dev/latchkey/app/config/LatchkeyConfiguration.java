package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.membership.Role;
import dev.latchkey.domain.membership.RoleScopes;
import dev.latchkey.domain.route.RouteRule;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.usage.Plan;
import dev.latchkey.identity.TrustedIssuerSettings;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The whole of {@code config.yml}. */
public final class LatchkeyConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty("database")
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    @JsonProperty("apiKeys")
    private ApiKeysConfiguration apiKeys = new ApiKeysConfiguration();

    @Valid
    @NotNull
    @JsonProperty("userTokens")
    private UserTokensConfiguration userTokens = new UserTokensConfiguration();

    @Valid
    @NotNull
    @JsonProperty("trustedIssuers")
    private List<TrustedIssuerConfiguration> trustedIssuers = List.of();

    @Valid
    @NotNull
    @JsonProperty("identityProviders")
    private IdentityProvidersConfiguration identityProviders = new IdentityProvidersConfiguration();

    @Valid
    @NotNull
    @JsonProperty("workloadTokens")
    private WorkloadTokensConfiguration workloadTokens = new WorkloadTokensConfiguration();

    @Valid
    @NotNull
    @JsonProperty("workos")
    private WorkosConfiguration workos = new WorkosConfiguration();

    @Valid
    @NotNull
    @JsonProperty("usageCounters")
    private UsageCountersConfiguration usageCounters = new UsageCountersConfiguration();

    @Valid
    @NotNull
    @JsonProperty("oauth")
    private OAuthConfiguration oauth = new OAuthConfiguration();

    @Valid
    @NotNull
    @JsonProperty("clientAddresses")
    private ClientAddressesConfiguration clientAddresses = new ClientAddressesConfiguration();

    @Valid
    @NotNull
    @JsonProperty("mail")
    private MailConfiguration mail = new MailConfiguration();

    @Valid
    @NotNull
    @JsonProperty("passwords")
    private PasswordsConfiguration passwords = new PasswordsConfiguration();

    @Valid
    @NotNull
    @JsonProperty("forwardAuth")
    private ForwardAuthConfiguration forwardAuth = new ForwardAuthConfiguration();

    @Valid
    @NotNull
    @JsonProperty("approvals")
    private ApprovalsConfiguration approvals = new ApprovalsConfiguration();

    @Valid
    @NotNull
    @JsonProperty("webhooks")
    private WebhooksConfiguration webhooks = new WebhooksConfiguration();

    /** The postures of the API guarded through {@code /authz/check}; first match wins, no match is denied. */
    @Valid
    @NotNull
    @JsonProperty("routes")
    private List<RouteConfiguration> routes = List.of();

    /**
     * What a guarded route answers a caller whose credential carries no tenant: {@code no_workspace}
     * (the person bootstraps a workspace first) or {@code tenant_context_required}.
     */
    @NotNull
    @JsonProperty("missingTenantCode")
    private String missingTenantCode = "no_workspace";

    /** Plans by name; {@code default} applies to workspaces not named in {@code workspacePlans}. */
    @Valid
    @NotNull
    @JsonProperty("plans")
    private Map<String, PlanConfiguration> plans = Map.of();

    @NotNull
    @JsonProperty("workspacePlans")
    private Map<String, String> workspacePlans = Map.of();

    /** Role name → scopes; roles left out keep their defaults. */
    @NotNull
    @JsonProperty("roles")
    private Map<String, List<String>> roles = Map.of();

    /**
     * The database settings. When no driver is named, it follows from the URL, so setting
     * {@code LATCHKEY_DATABASE_URL} alone is enough to move from H2 to PostgreSQL.
     */
    public DataSourceFactory getDataSourceFactory() {
        String driver = database.getDriverClass();
        if (driver == null || driver.isBlank()) {
            database.setDriverClass(DatabaseDrivers.forUrl(database.getUrl()));
        }
        return database;
    }

    public ApiKeysConfiguration getApiKeys() {
        return apiKeys;
    }

    public UserTokensConfiguration getUserTokens() {
        return userTokens;
    }

    public List<TrustedIssuerSettings> getTrustedIssuers() {
        List<TrustedIssuerSettings> settings = new ArrayList<>();
        for (int i = 0; i < trustedIssuers.size(); i++) {
            try {
                settings.add(trustedIssuers.get(i).toSettings());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("trustedIssuers[" + i + "]: " + e.getMessage(), e);
            }
        }
        return settings;
    }

    /** The route table; an invalid rule fails start-up, naming it. */
    public ClientAddressesConfiguration getClientAddresses() {
        return clientAddresses;
    }

    public MailConfiguration getMail() {
        return mail;
    }

    public PasswordsConfiguration getPasswords() {
        return passwords;
    }

    public ForwardAuthConfiguration getForwardAuth() {
        return forwardAuth;
    }

    public ApprovalsConfiguration getApprovals() {
        return approvals;
    }

    public WebhooksConfiguration getWebhooks() {
        return webhooks;
    }

    public List<RouteRule> getRouteRules() {
        List<RouteRule> rules = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            try {
                rules.add(routes.get(i).toRule());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("routes[" + i + "]: " + e.getMessage(), e);
            }
        }
        return rules;
    }

    /** The plan of each workspace: its entry in {@code workspacePlans}, else {@code default}. */
    public Function<String, Plan> getPlanOfWorkspace() {
        Map<String, Plan> byName = new java.util.HashMap<>();
        byName.put("default", new PlanConfiguration().toPlan("default"));
        plans.forEach((name, plan) -> byName.put(name, plan.toPlan(name)));
        workspacePlans.forEach((workspace, plan) -> {
            if (!byName.containsKey(plan)) {
                throw new IllegalArgumentException("workspacePlans." + workspace + " names no plan: " + plan);
            }
        });
        Plan fallback = byName.get("default");
        return workspace -> byName.getOrDefault(workspacePlans.getOrDefault(workspace, "default"), fallback);
    }

    public AuthError getMissingTenantError() {
        return switch (missingTenantCode) {
            case "no_workspace" -> AuthError.NO_WORKSPACE;
            case "tenant_context_required" -> AuthError.TENANT_CONTEXT_REQUIRED;
            default ->
                throw new IllegalArgumentException("missingTenantCode must be no_workspace or "
                        + "tenant_context_required, not " + missingTenantCode);
        };
    }

    public WorkloadTokensConfiguration getWorkloadTokens() {
        return workloadTokens;
    }

    public UsageCountersConfiguration getUsageCounters() {
        return usageCounters;
    }

    public OAuthConfiguration getOauth() {
        return oauth;
    }

    public WorkosConfiguration getWorkos() {
        return workos;
    }

    public IdentityProvidersConfiguration getIdentityProviders() {
        return identityProviders;
    }

    /** The role → scopes table: the defaults, overridden by {@code roles:}. */
    public RoleScopes getRoleScopes() {
        RoleScopes defaults = RoleScopes.defaults();
        Map<Role, ScopeSet> table = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            table.put(role, defaults.of(role));
        }
        roles.forEach((name, scopes) -> {
            try {
                table.put(Role.parse(name), ScopeSet.parse(scopes));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("roles." + name + ": " + e.getMessage(), e);
            }
        });
        return new RoleScopes(table);
    }
}
