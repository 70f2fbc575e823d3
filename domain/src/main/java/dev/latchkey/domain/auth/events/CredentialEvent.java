package dev.latchkey.domain.auth.events;

import java.util.Objects;
import java.util.Set;

/**
 * Something that changes what an already verified credential proves. Use cases publish these
 * ({@link CredentialEvents}); whatever remembers verifications subscribes and forgets what the
 * event makes stale, in this process at once. The same events are what other instances must hear.
 */
public sealed interface CredentialEvent {

    /** One credential's stored facts changed: an API key revoked or rolled (its expiry moved), a token signed out or revoked. */
    record CredentialChanged(String credentialId) implements CredentialEvent {
        public CredentialChanged {
            Objects.requireNonNull(credentialId, "credentialId");
        }
    }

    /**
     * A delegation grant or an OAuth token family ended, or one token of a grant was revoked (the
     * tokens delegated onwards from it rest on it): every credential proven against the grant.
     */
    record GrantRevoked(String grantId) implements CredentialEvent {
        public GrantRevoked {
            Objects.requireNonNull(grantId, "grantId");
        }
    }

    /** A person signed out everywhere: their user tokens and OAuth access tokens. */
    record SignedOutEverywhere(String userId) implements CredentialEvent {
        public SignedOutEverywhere {
            Objects.requireNonNull(userId, "userId");
        }
    }

    /**
     * What an actor is changed: a password reset, an account taken over, a first workspace, a
     * workload's policy. Every credential of the actor.
     */
    record ActorChanged(String actorId) implements CredentialEvent {
        public ActorChanged {
            Objects.requireNonNull(actorId, "actorId");
        }
    }

    /**
     * A member's role changed or they left: their credentials, and the workspace's workload tokens,
     * which may carry their delegation.
     */
    record MembershipChanged(String userId, String workspaceId) implements CredentialEvent {
        public MembershipChanged {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(workspaceId, "workspaceId");
        }
    }

    /**
     * An actor mapping was saved: the actor's credentials, and every identity provider's identity
     * in the workspace (a more specific mapping changes who they are).
     */
    record MappingChanged(String actorId, String workspaceId) implements CredentialEvent {
        public MappingChanged {
            Objects.requireNonNull(actorId, "actorId");
            Objects.requireNonNull(workspaceId, "workspaceId");
        }
    }

    /** Workspaces deleted, or an organization moved between them: every credential in them. */
    record WorkspacesChanged(Set<String> workspaceIds) implements CredentialEvent {
        public WorkspacesChanged {
            workspaceIds = Set.copyOf(workspaceIds);
        }
    }
}
