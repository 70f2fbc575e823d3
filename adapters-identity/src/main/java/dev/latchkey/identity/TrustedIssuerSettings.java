package dev.latchkey.identity;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One trusted issuer: which {@code iss} values it signs as, how its signatures are checked (a JWKS
 * URL for RS256, or a shared secret for HS256, never both), the audience its tokens must carry,
 * which claims hold the subject and the email, whether its tokens are accepted as bearer
 * credentials (otherwise only exchanged at sign-in), and whether a bearer token of an identity seen
 * for the first time makes its user: people who sign up with the issuer, not with Latchkey. With a
 * {@code hostedDomain}, only tokens whose {@code hd} claim names it are accepted (Google Workspace:
 * the email's domain alone proves nothing, an account of another domain can carry any address).
 */
public record TrustedIssuerSettings(
        String name,
        List<String> issuers,
        Optional<URI> jwksUrl,
        Optional<String> sharedSecret,
        String audience,
        String subjectClaim,
        String emailClaim,
        boolean assumeEmailVerified,
        boolean acceptAsBearer,
        boolean provisionOnFirstUse,
        Optional<String> hostedDomain) {

    public TrustedIssuerSettings(
            String name,
            List<String> issuers,
            Optional<URI> jwksUrl,
            Optional<String> sharedSecret,
            String audience,
            String subjectClaim,
            String emailClaim,
            boolean assumeEmailVerified,
            boolean acceptAsBearer,
            boolean provisionOnFirstUse) {
        this(
                name,
                issuers,
                jwksUrl,
                sharedSecret,
                audience,
                subjectClaim,
                emailClaim,
                assumeEmailVerified,
                acceptAsBearer,
                provisionOnFirstUse,
                Optional.empty());
    }

    public TrustedIssuerSettings(
            String name,
            List<String> issuers,
            Optional<URI> jwksUrl,
            Optional<String> sharedSecret,
            String audience,
            String subjectClaim,
            String emailClaim,
            boolean assumeEmailVerified,
            boolean acceptAsBearer) {
        this(
                name,
                issuers,
                jwksUrl,
                sharedSecret,
                audience,
                subjectClaim,
                emailClaim,
                assumeEmailVerified,
                acceptAsBearer,
                false);
    }

    public TrustedIssuerSettings {
        Objects.requireNonNull(name, "name");
        issuers = List.copyOf(issuers);
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        Objects.requireNonNull(sharedSecret, "sharedSecret");
        Objects.requireNonNull(hostedDomain, "hostedDomain");
        if (issuers.isEmpty()) {
            throw new IllegalArgumentException("trusted issuer " + name + " names no issuer");
        }
        if (jwksUrl.isPresent() == sharedSecret.isPresent()) {
            throw new IllegalArgumentException(
                    "trusted issuer " + name + " needs exactly one of jwksUrl, sharedSecret");
        }
        if (sharedSecret.isPresent()
                && sharedSecret.get().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("trusted issuer " + name + ": sharedSecret needs at least 32 bytes");
        }
        if (provisionOnFirstUse && !acceptAsBearer) {
            throw new IllegalArgumentException("trusted issuer " + name + ": provisionOnFirstUse needs acceptAsBearer");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("trusted issuer " + name + " needs an audience (e.g. the client id)");
        }
    }

    @Override
    public String toString() {
        return "TrustedIssuerSettings[" + name + " " + issuers + "]";
    }
}
