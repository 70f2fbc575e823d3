package dev.latchkey.domain.auth;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The verified answer to "who is calling": the actor, the tenant the credential is bound to, the
 * kind of credential, the scopes in effect for this request, the credential's id (never the
 * secret), when it expires, for a delegated workload the grant it acts under, and for a token bound
 * to one resource (RFC 8707) that resource's canonical URI, and for a session someone else opened
 * in the person's name (an identity provider's impersonation) who that is, and where the credential
 * came from ({@link Origin}: the OAuth client, when it was issued, the person a workload acts for),
 * for those who describe a credential rather than decide on it (RFC 7662 introspection). Identity
 * comes from here alone, never from headers or bodies the caller wrote.
 */
public record Principal(
        Actor actor,
        Optional<String> tenantId,
        CredentialKind credentialKind,
        ScopeSet scopes,
        String credentialId,
        Optional<Instant> credentialExpiresAt,
        Optional<String> grantId,
        Optional<String> audience,
        Optional<String> impersonator,
        Origin origin) {

    /**
     * Where a credential came from, as far as its verifier knows: the OAuth client it was issued to
     * (for a workload token, the workload, which authenticated to get it), when it was issued, and for
     * a delegated credential the person whose authority it carries, and the earlier workloads that
     * handed it on (root first; empty unless delegated onwards). Decisions never read it.
     */
    public record Origin(
            Optional<String> clientId,
            Optional<Instant> issuedAt,
            Optional<String> onBehalfOf,
            java.util.List<String> delegatedThrough) {
        public static final Origin UNKNOWN = new Origin(Optional.empty(), Optional.empty(), Optional.empty());

        public Origin {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(onBehalfOf, "onBehalfOf");
            delegatedThrough = java.util.List.copyOf(delegatedThrough);
        }

        public Origin(Optional<String> clientId, Optional<Instant> issuedAt, Optional<String> onBehalfOf) {
            this(clientId, issuedAt, onBehalfOf, java.util.List.of());
        }
    }

    /** A principal nobody impersonates, of unrecorded origin. */
    public Principal(
            Actor actor,
            Optional<String> tenantId,
            CredentialKind credentialKind,
            ScopeSet scopes,
            String credentialId,
            Optional<Instant> credentialExpiresAt,
            Optional<String> grantId,
            Optional<String> audience,
            Optional<String> impersonator) {
        this(
                actor,
                tenantId,
                credentialKind,
                scopes,
                credentialId,
                credentialExpiresAt,
                grantId,
                audience,
                impersonator,
                Origin.UNKNOWN);
    }

    /** A principal nobody impersonates. */
    public Principal(
            Actor actor,
            Optional<String> tenantId,
            CredentialKind credentialKind,
            ScopeSet scopes,
            String credentialId,
            Optional<Instant> credentialExpiresAt,
            Optional<String> grantId,
            Optional<String> audience) {
        this(
                actor,
                tenantId,
                credentialKind,
                scopes,
                credentialId,
                credentialExpiresAt,
                grantId,
                audience,
                Optional.empty());
    }

    /** The same principal, in a session {@code impersonator} opened in the person's name. */
    public Principal impersonatedBy(Optional<String> impersonator) {
        return new Principal(
                actor,
                tenantId,
                credentialKind,
                scopes,
                credentialId,
                credentialExpiresAt,
                grantId,
                audience,
                impersonator,
                origin);
    }

    /** The same principal, its credential's origin recorded. */
    public Principal from(Origin origin) {
        return new Principal(
                actor,
                tenantId,
                credentialKind,
                scopes,
                credentialId,
                credentialExpiresAt,
                grantId,
                audience,
                impersonator,
                origin);
    }

    public Principal {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(credentialKind, "credentialKind");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(credentialExpiresAt, "credentialExpiresAt");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(impersonator, "impersonator");
        Objects.requireNonNull(origin, "origin");
    }

    /** A principal acting under a delegation grant, usable at any resource. */
    public Principal(
            Actor actor,
            Optional<String> tenantId,
            CredentialKind credentialKind,
            ScopeSet scopes,
            String credentialId,
            Optional<Instant> credentialExpiresAt,
            Optional<String> grantId) {
        this(actor, tenantId, credentialKind, scopes, credentialId, credentialExpiresAt, grantId, Optional.empty());
    }

    /** A principal that acts on its own authority, under no delegation grant. */
    public Principal(
            Actor actor,
            Optional<String> tenantId,
            CredentialKind credentialKind,
            ScopeSet scopes,
            String credentialId,
            Optional<Instant> credentialExpiresAt) {
        this(
                actor,
                tenantId,
                credentialKind,
                scopes,
                credentialId,
                credentialExpiresAt,
                Optional.empty(),
                Optional.empty());
    }

    /** Whether a person (rather than a machine or an agent) presented this credential. */
    public boolean isHuman() {
        return credentialKind == CredentialKind.USER_JWT || credentialKind == CredentialKind.EXTERNAL_JWT;
    }
}
