package dev.latchkey.domain.provider;

import dev.latchkey.domain.auth.CachedTokenVerification;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.CredentialVerifier;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;

/** Provider access tokens (WorkOS AuthKit): verified locally, mapped to an actor, cached per token. */
public final class ProviderAccessTokenVerifier implements CredentialVerifier {
    private final IdentityProvider provider;
    private final MappedActors actors;
    private final CachedTokenVerification verifications;

    public ProviderAccessTokenVerifier(
            IdentityProvider provider, MappedActors actors, CachedTokenVerification verifications) {
        this.provider = provider;
        this.actors = actors;
        this.verifications = verifications;
    }

    @Override
    public CredentialKind kind() {
        return CredentialKind.WORKOS_ACCESS_TOKEN;
    }

    @Override
    public boolean recognises(PresentedCredential credential) {
        return credential instanceof PresentedCredential.Bearer
                && (verifications.holds(credential, kind()) || provider.issuedAccessToken(credential.value()));
    }

    @Override
    public Principal verify(PresentedCredential credential) {
        return verifications.verify(credential, () -> {
            ProviderIdentity identity = provider.verifyAccessToken(credential.value());
            Principal principal = actors.principalOf(provider.name(), identity, kind());
            return new CachedTokenVerification.Verified(identity.credentialId(), principal, identity.validUntil());
        });
    }
}
