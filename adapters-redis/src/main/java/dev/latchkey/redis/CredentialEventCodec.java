package dev.latchkey.redis;

import dev.latchkey.domain.auth.events.CredentialEvent;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Credential events on the wire between instances: {@code kind:id[:id]}, ids as Latchkey mints them
 * (letters, digits, {@code _} and {@code -}), a workspace set comma-separated. What does not parse
 * is dropped: a message on the channel is not trusted to be one of ours.
 */
final class CredentialEventCodec {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,200}");

    private CredentialEventCodec() {}

    static String encode(CredentialEvent event) {
        if (event instanceof CredentialEvent.CredentialChanged changed) {
            return "changed:" + checked(changed.credentialId());
        }
        if (event instanceof CredentialEvent.GrantRevoked grant) {
            return "grant:" + checked(grant.grantId());
        }
        if (event instanceof CredentialEvent.SignedOutEverywhere signedOut) {
            return "signed_out:" + checked(signedOut.userId());
        }
        if (event instanceof CredentialEvent.ActorChanged actor) {
            return "actor:" + checked(actor.actorId());
        }
        if (event instanceof CredentialEvent.MembershipChanged membership) {
            return "membership:" + checked(membership.userId()) + ":" + checked(membership.workspaceId());
        }
        if (event instanceof CredentialEvent.MappingChanged mapping) {
            return "mapping:" + checked(mapping.actorId()) + ":" + checked(mapping.workspaceId());
        }
        if (event instanceof CredentialEvent.WorkspacesChanged workspaces) {
            return "workspaces:"
                    + workspaces.workspaceIds().stream()
                            .map(CredentialEventCodec::checked)
                            .sorted()
                            .collect(Collectors.joining(","));
        }
        throw new IllegalArgumentException("no wire form for " + event);
    }

    static Optional<CredentialEvent> decode(String message) {
        int colon = message.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String kind = message.substring(0, colon);
        String[] ids = message.substring(colon + 1).split(kind.equals("workspaces") ? "," : ":", -1);
        if (Arrays.stream(ids).anyMatch(id -> !ID.matcher(id).matches())) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                switch (kind) {
                    case "changed" -> ids.length == 1 ? new CredentialEvent.CredentialChanged(ids[0]) : null;
                    case "grant" -> ids.length == 1 ? new CredentialEvent.GrantRevoked(ids[0]) : null;
                    case "signed_out" -> ids.length == 1 ? new CredentialEvent.SignedOutEverywhere(ids[0]) : null;
                    case "actor" -> ids.length == 1 ? new CredentialEvent.ActorChanged(ids[0]) : null;
                    case "membership" -> ids.length == 2 ? new CredentialEvent.MembershipChanged(ids[0], ids[1]) : null;
                    case "mapping" -> ids.length == 2 ? new CredentialEvent.MappingChanged(ids[0], ids[1]) : null;
                    case "workspaces" -> new CredentialEvent.WorkspacesChanged(Set.of(ids));
                    default -> null;
                });
    }

    private static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an id Latchkey mints: " + id.length() + " characters");
        }
        return id;
    }
}
