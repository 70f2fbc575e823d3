package dev.latchkey.domain.auth.events;

import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.VerificationCache;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The verification caches' subscription to {@link CredentialEvent}s: the one place that knows
 * which cached verifications each event makes stale. Forgetting is always safe (the next request
 * verifies afresh); keeping a stale one is not.
 */
public final class ForgetStaleVerifications implements Consumer<CredentialEvent> {
    /** Identities an identity provider vouches for, looked up through the workspace's mappings. */
    private static final Set<CredentialKind> PROVIDER_KINDS =
            EnumSet.of(CredentialKind.WORKOS_ACCESS_TOKEN, CredentialKind.WORKOS_API_KEY);

    private final List<VerificationCache> caches;

    public ForgetStaleVerifications(List<VerificationCache> caches) {
        this.caches = List.copyOf(caches);
    }

    @Override
    public void accept(CredentialEvent event) {
        if (event instanceof CredentialEvent.CredentialChanged revoked) {
            caches.forEach(cache -> cache.invalidate(revoked.credentialId()));
            return;
        }
        Predicate<VerificationCache.Entry> stale = staleAfter(event);
        caches.forEach(cache -> cache.invalidateWhere(stale));
    }

    private static Predicate<VerificationCache.Entry> staleAfter(CredentialEvent event) {
        if (event instanceof CredentialEvent.GrantRevoked grant) {
            return entry -> entry.proof().equals(grant.grantId());
        }
        if (event instanceof CredentialEvent.SignedOutEverywhere signedOut) {
            return entry -> isActor(entry, signedOut.userId())
                    && (kind(entry) == CredentialKind.USER_JWT || kind(entry) == CredentialKind.OAUTH_ACCESS_TOKEN);
        }
        if (event instanceof CredentialEvent.ActorChanged actor) {
            // A workload that handed its token on: the tokens delegated onwards rest on it too.
            return entry -> isActor(entry, actor.actorId())
                    || entry.principal().origin().delegatedThrough().contains(actor.actorId());
        }
        if (event instanceof CredentialEvent.MembershipChanged membership) {
            return entry -> isActor(entry, membership.userId())
                    || (kind(entry) == CredentialKind.WORKLOAD_TOKEN && inWorkspace(entry, membership.workspaceId()));
        }
        if (event instanceof CredentialEvent.MappingChanged mapping) {
            return entry -> isActor(entry, mapping.actorId())
                    || (PROVIDER_KINDS.contains(kind(entry)) && inWorkspace(entry, mapping.workspaceId()));
        }
        if (event instanceof CredentialEvent.WorkspacesChanged workspaces) {
            return entry -> entry.principal()
                    .tenantId()
                    .filter(workspaces.workspaceIds()::contains)
                    .isPresent();
        }
        throw new IllegalArgumentException("an event no subscriber knows: " + event);
    }

    private static boolean isActor(VerificationCache.Entry entry, String actorId) {
        return entry.principal().actor().id().equals(actorId);
    }

    private static CredentialKind kind(VerificationCache.Entry entry) {
        return entry.principal().credentialKind();
    }

    private static boolean inWorkspace(VerificationCache.Entry entry, String workspaceId) {
        Principal principal = entry.principal();
        return principal.tenantId().filter(workspaceId::equals).isPresent();
    }
}
