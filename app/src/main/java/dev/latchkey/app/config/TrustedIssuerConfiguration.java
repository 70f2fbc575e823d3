package dev.latchkey.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.identity.TrustedIssuerSettings;
import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code trustedIssuers:}. Google: {@code name: google}, both issuer forms, Google's
 * JWKS URL and your OAuth client id as audience. A Supabase-style admin UI: its issuer, its JWT
 * secret as {@code sharedSecret}, audience {@code authenticated}, {@code acceptAsBearer: true}.
 */
public final class TrustedIssuerConfiguration {
    @NotEmpty
    @JsonProperty
    private String name;

    @NotEmpty
    @JsonProperty
    private List<String> issuers = List.of();

    @JsonProperty
    private String jwksUrl;

    @JsonProperty
    private String sharedSecret;

    @NotEmpty
    @JsonProperty
    private String audience;

    @JsonProperty
    private String subjectClaim = "sub";

    @JsonProperty
    private String emailClaim = "email";

    /** For issuers that only ever sign verified addresses and carry no {@code email_verified} claim. */
    @JsonProperty
    private boolean assumeEmailVerified = false;

    /** Accept this issuer's tokens directly as bearer credentials, not only at sign-in. */
    @JsonProperty
    private boolean acceptAsBearer = false;

    /**
     * With {@code acceptAsBearer}: the first bearer token of an identity makes (or links, by verified
     * email) its Latchkey user, as when people sign up with the issuer rather than with Latchkey.
     */
    @JsonProperty
    private boolean provisionOnFirstUse = false;

    /** Google Workspace: only accounts of this domain ({@code hd} claim); empty accepts any. */
    @JsonProperty
    private String hostedDomain;

    TrustedIssuerSettings toSettings() {
        return new TrustedIssuerSettings(
                name,
                issuers,
                Optional.ofNullable(jwksUrl).filter(url -> !url.isBlank()).map(URI::create),
                Optional.ofNullable(sharedSecret).filter(secret -> !secret.isEmpty()),
                audience,
                subjectClaim,
                emailClaim,
                assumeEmailVerified,
                acceptAsBearer,
                provisionOnFirstUse,
                Optional.ofNullable(hostedDomain).map(String::strip).filter(domain -> !domain.isEmpty()));
    }
}
