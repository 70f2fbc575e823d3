package dev.latchkey.domain.provider;

import dev.latchkey.domain.auth.CachedTokenVerification;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.CredentialVerifier;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;

/**
 * Provider API keys ({@code X-API-Key} while the provider is the key authority): validated by the
 * provider, mapped to an actor. A successful validation is cached for a short window keyed by a hash
 * of the value, so steady agent traffic does not call the provider per request; the value itself is
 * never stored.
 */
public final class ProviderApiKeyVerifier implements CredentialVerifier {
    private final IdentityProvider provider;
    private final MappedActors actors;
    private final CachedTokenVerification validations;

    public ProviderApiKeyVerifier(IdentityProvider provider, MappedActors actors,
            CachedTokenVerification validations) {
        this.provider = provider;
        this.actors = actors;
        this.validations = validations;
    }

    @Override
    public CredentialKind kind() {
        return CredentialKind.WORKOS_API_KEY;
    }

    @Override
    public boolean recognises(PresentedCredential credential) {
        return credential instanceof PresentedCredential.ApiKeyHeader;
    }

    @Override
    public Principal verify(PresentedCredential credential) {
        return validations.verify(credential, () -> {
            ProviderIdentity identity = provider.validateApiKey(credential.value())
                    .orElseThrow(() -> new AuthFailure(AuthError.INVALID_API_KEY, "The API key is not valid"));
            Principal principal = actors.principalOf(provider.name(), identity, kind());
            return new CachedTokenVerification.Verified(identity.credentialId(), principal, identity.validUntil());
        });
    }
}
