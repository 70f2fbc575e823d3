package dev.latchkey.domain.provider;

import java.util.Optional;

/**
 * An external identity authority (WorkOS): it proves who a caller is — by access tokens verified
 * locally against its published keys, and by API keys it validates — while Latchkey keeps the
 * authority over what that identity may do ({@code ActorMappingStore}).
 *
 * <p>Every method that reaches the provider throws
 * {@link dev.latchkey.domain.error.AuthFailure} {@code identity_provider_unavailable} when it cannot
 * answer, never a 401.
 */
public interface IdentityProvider {

    /** The name mappings use for this provider's subjects, e.g. {@code workos}. */
    String name();

    /** Whether a bearer token claims (unverified) to be one of this provider's access tokens. */
    boolean issuedAccessToken(String token);

    /** @throws dev.latchkey.domain.error.AuthFailure {@code invalid_jwt} for a token that proves nothing */
    ProviderIdentity verifyAccessToken(String token);

    /** The identity behind an API key, or empty when the provider does not know the key. */
    Optional<ProviderIdentity> validateApiKey(String value);
}
