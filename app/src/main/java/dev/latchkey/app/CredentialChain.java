package dev.latchkey.app;

import dev.latchkey.domain.auth.CachedTokenVerification;
import dev.latchkey.domain.auth.CredentialVerifier;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.provider.IdentityProvider;
import dev.latchkey.domain.provider.MappedActors;
import dev.latchkey.domain.provider.ProviderAccessTokenVerifier;
import dev.latchkey.domain.provider.ProviderApiKeyVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The credential verifiers in the order they are asked: the first whose shape matches decides.
 * The order matters where two kinds look alike ({@code CredentialChainTest} pins it).
 */
final class CredentialChain {

    private CredentialChain() {}

    static List<CredentialVerifier> of(
            Foundations base,
            ApiKeysFeature apiKeys,
            PeopleFeature people,
            AgentsFeature agents,
            Optional<OAuthFeature> oauth,
            Optional<IdentityProvider> workos) {
        if (!apiKeys.isLocal() && workos.isEmpty()) {
            throw new IllegalStateException(
                    "apiKeys.authority is workos but workos.apiKey and workos.clientId are not set");
        }
        List<CredentialVerifier> chain = new ArrayList<>();
        // Before user tokens: both carry our issuer, and only this one checks typ: at+jwt.
        chain.add(agents.workloadTokenVerifier);
        if (apiKeys.isLocal()) {
            chain.add(apiKeys.verifier);
        }
        oauth.ifPresent(server -> chain.add(server.verifier));
        chain.add(people.userTokenVerifier);
        chain.add(people.externalJwtVerifier);
        workos.ifPresent(provider -> chain.addAll(workosVerifiers(base, provider, !apiKeys.isLocal())));
        return List.copyOf(chain);
    }

    /** WorkOS's API keys (when WorkOS is their authority) and AuthKit access tokens, through the workspace's mappings. */
    private static List<CredentialVerifier> workosVerifiers(
            Foundations base, IdentityProvider provider, boolean workosKeys) {
        MappedActors actors = new MappedActors(base.stores.actorMappings(), base.roleScopes);
        var workosConfig = base.configuration.getWorkos();
        Duration outageGrace = workosConfig.getOutageGrace().toJavaDuration();
        List<CredentialVerifier> verifiers = new ArrayList<>();
        if (workosKeys) {
            verifiers.add(new ProviderApiKeyVerifier(
                    provider,
                    actors,
                    new CachedTokenVerification(
                            base.providerValidations,
                            base.clock,
                            workosConfig.getValidationCacheTtl().toJavaDuration(),
                            outageGrace,
                            AuthError.INVALID_API_KEY,
                            base.caches),
                    base.clock,
                    base.caches));
        }
        verifiers.add(new ProviderAccessTokenVerifier(
                provider,
                actors,
                new CachedTokenVerification(
                        base.tokenVerifications,
                        base.clock,
                        base.configuration.getUserTokens().getRevalidateAfter().toJavaDuration(),
                        outageGrace,
                        AuthError.INVALID_JWT,
                        base.caches)));
        return verifiers;
    }
}
