package dev.latchkey.domain.workloadtoken;

import dev.latchkey.domain.auth.events.CredentialEvent;
import dev.latchkey.domain.common.BoundedCache;
import dev.latchkey.domain.common.Caches;
import dev.latchkey.domain.grant.DelegationGrant;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.workload.Workload;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a workload's grant let it mint, as read when it last proved itself: the workload (with its
 * secrets' hashes), the grant, and the grant's effective scopes. A workload asks for a token every
 * few minutes per grant, often many at once; these five reads were a sixth of a token's cost.
 * Remembered for {@code revalidateAfter}, as a verified token is, and forgotten — on every instance
 * that hears the event — by the same events that make a verified workload token stale: the
 * workload changed (status, policy, secret rotation), the grant revoked, the delegating member's role
 * or the workspace changed. The secret is still checked against the remembered hashes on every
 * token, so a wrong secret never passes; a miss or a mismatch reads the store afresh.
 */
public final class RememberedGrantTerms {
    private static final int MAX_REMEMBERED = 10_000;

    /** Nothing remembered: every token reads the store. */
    public static final RememberedGrantTerms NONE = new RememberedGrantTerms();

    /** One grant's terms, and when they were read. */
    public record Terms(Workload workload, DelegationGrant grant, ScopeSet effective, Instant readAt) {}

    private record Key(String workloadId, String grantId) {}

    private final Optional<BoundedCache<Key, Terms>> terms;
    private final Duration revalidateAfter;

    private RememberedGrantTerms() {
        this.terms = Optional.empty();
        this.revalidateAfter = Duration.ZERO;
    }

    public RememberedGrantTerms(Caches caches, Duration revalidateAfter) {
        this.terms = Optional.of(caches.bounded("workload_grant_terms", MAX_REMEMBERED, Optional.of(revalidateAfter)));
        this.revalidateAfter = revalidateAfter;
    }

    /** The grant's terms read less than {@code revalidateAfter} before {@code now}, if remembered. */
    Optional<Terms> recall(String workloadId, String grantId, Instant now) {
        return terms.flatMap(cache -> cache.get(new Key(workloadId, grantId)))
                .filter(t -> now.isBefore(t.readAt().plus(revalidateAfter)));
    }

    void remember(Terms read) {
        terms.ifPresent(
                cache -> cache.put(new Key(read.workload().id(), read.grant().id()), read));
    }

    /** Forgets every grant's terms the event may have changed; forgetting too much only costs a read. */
    public void forget(CredentialEvent event) {
        if (event instanceof CredentialEvent.CredentialChanged) {
            return; // one token signed out or revoked: no grant's terms change, and no sweep is needed
        }
        terms.ifPresent(cache -> cache.removeIf(staleAfter(event)));
    }

    private static Predicate<Terms> staleAfter(CredentialEvent event) {
        if (event instanceof CredentialEvent.GrantRevoked revoked) {
            return t -> t.grant().id().equals(revoked.grantId());
        }
        if (event instanceof CredentialEvent.ActorChanged actor) {
            return t -> t.workload().id().equals(actor.actorId())
                    || t.grant().userId().equals(actor.actorId());
        }
        if (event instanceof CredentialEvent.SignedOutEverywhere signedOut) {
            return t -> t.grant().userId().equals(signedOut.userId());
        }
        if (event instanceof CredentialEvent.MembershipChanged membership) {
            return t -> t.grant().userId().equals(membership.userId())
                    || t.grant().tenantId().equals(membership.workspaceId());
        }
        if (event instanceof CredentialEvent.MappingChanged mapping) {
            return t -> t.grant().tenantId().equals(mapping.workspaceId());
        }
        if (event instanceof CredentialEvent.WorkspacesChanged workspaces) {
            return t -> workspaces.workspaceIds().contains(t.grant().tenantId());
        }
        throw new IllegalArgumentException("an event no subscriber knows: " + event);
    }
}
