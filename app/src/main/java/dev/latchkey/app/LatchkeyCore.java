package dev.latchkey.app;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.cache.CaffeineCaches;
import dev.latchkey.domain.auth.AuthenticateRequest;
import dev.latchkey.domain.auth.AuthenticationListener;
import dev.latchkey.domain.auth.CredentialVerifier;
import dev.latchkey.domain.auth.events.CredentialEvents;
import dev.latchkey.domain.auth.events.InProcessCredentialEvents;
import dev.latchkey.domain.common.SecretHasher;
import dev.latchkey.domain.external.ExternalTokenVerifier;
import dev.latchkey.domain.oauth.ClientMetadataDocuments;
import dev.latchkey.domain.provider.IdentityProvider;
import dev.latchkey.domain.token.UserTokenCodec;
import dev.latchkey.domain.usage.UsageCounters;
import dev.latchkey.domain.usage.UsageGate;
import dev.latchkey.persistence.JdbiStores;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The domain's use cases wired to their ports, feature by feature: built once, by the server or by
 * a command. Each feature builds its own use cases from the foundations (and the features before
 * it) and registers its own resources.
 */
final class LatchkeyCore {
    final Foundations base;
    final ApiKeysFeature apiKeys;
    final PeopleFeature people;
    final WorkspacesFeature workspaces;
    final WebhooksFeature webhooks;
    final AgentsFeature agents;
    final Optional<OAuthFeature> oauth;
    final UsageGate usageGate;
    private final List<CredentialVerifier> verifiers;

    LatchkeyCore(
            LatchkeyConfiguration configuration,
            JdbiStores stores,
            SecretHasher hasher,
            UserTokenCodec codec,
            ExternalTokenVerifier externalTokens,
            Optional<IdentityProvider> workos,
            Clock clock,
            ClientMetadataDocuments documents,
            UsageCounters usageCounters,
            CaffeineCaches caches,
            Function<InProcessCredentialEvents, CredentialEvents> shareEvents) {
        this.base = new Foundations(configuration, stores, hasher, clock, caches, shareEvents);
        this.apiKeys = new ApiKeysFeature(base);
        this.people = new PeopleFeature(base, codec, externalTokens);
        this.workspaces = new WorkspacesFeature(base, apiKeys, people);
        this.webhooks = new WebhooksFeature(base);
        this.agents = new AgentsFeature(base, people, webhooks.outbox);
        this.oauth = configuration.getOauth().isEnabled()
                ? Optional.of(new OAuthFeature(base, people, agents, documents))
                : Optional.empty();
        this.usageGate = new UsageGate(usageCounters, configuration.getPlanOfWorkspace(), clock);
        this.verifiers = CredentialChain.of(base, apiKeys, people, agents, oauth, workos);
    }

    /** The credential verifiers in the order they are asked. */
    List<CredentialVerifier> verifiers() {
        return verifiers;
    }

    AuthenticateRequest authenticateRequest(AuthenticationListener listener) {
        return new AuthenticateRequest(verifiers, listener);
    }
}
