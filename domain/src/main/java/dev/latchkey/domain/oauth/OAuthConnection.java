package dev.latchkey.domain.oauth;

import dev.latchkey.domain.scope.ScopeSet;
import java.time.Instant;

/** A client a person has authorized and that still holds live tokens, as shown in "connected apps". */
public record OAuthConnection(
        String clientId,
        String clientName,
        String workspaceId,
        ScopeSet scopes,
        Instant firstAuthorizedAt,
        Instant lastIssuedAt) {}
