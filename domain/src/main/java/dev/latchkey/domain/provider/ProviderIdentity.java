package dev.latchkey.domain.provider;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An identity an external provider vouched for: the subjects it may be mapped by, most specific
 * first (an API key's own id, then its owner user, then its owner organization), the credential's id,
 * when the proof stops being good, who, if anyone, opened the session in the user's name
 * (the provider's impersonation, RFC 8693 {@code act}), and — for a token the provider issued for
 * one protected resource (AuthKit as an MCP server's authorization server) — that resource and the
 * OAuth client it was issued to.
 */
public record ProviderIdentity(
        List<String> subjects,
        String credentialId,
        Instant validUntil,
        Optional<String> organizationId,
        Optional<String> impersonator,
        Optional<String> resource,
        Optional<String> clientId) {

    public ProviderIdentity(
            List<String> subjects,
            String credentialId,
            Instant validUntil,
            Optional<String> organizationId,
            Optional<String> impersonator) {
        this(subjects, credentialId, validUntil, organizationId, impersonator, Optional.empty(), Optional.empty());
    }

    public ProviderIdentity(
            List<String> subjects, String credentialId, Instant validUntil, Optional<String> organizationId) {
        this(subjects, credentialId, validUntil, organizationId, Optional.empty());
    }

    /** The same identity, issued to {@code clientId}. */
    public ProviderIdentity withClient(Optional<String> client) {
        return new ProviderIdentity(subjects, credentialId, validUntil, organizationId, impersonator, resource, client);
    }

    public ProviderIdentity {
        subjects = List.copyOf(subjects);
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(impersonator, "impersonator");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(clientId, "clientId");
        if (subjects.isEmpty()) {
            throw new IllegalArgumentException("an identity has at least one subject");
        }
    }
}
