package dev.latchkey.domain.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A person's view of the clients they authorized: list them, and disconnect one. */
public final class ManageOAuthConnections {
    private final OAuthTokenStore tokens;
    private final OAuthClients clients;
    private final OAuthRevocations revocations;
    private final Clock clock;

    public ManageOAuthConnections(
            OAuthTokenStore tokens, OAuthClients clients, OAuthRevocations revocations, Clock clock) {
        this.tokens = tokens;
        this.clients = clients;
        this.revocations = revocations;
        this.clock = clock;
    }

    /** One entry per client and workspace, most recently active first. */
    public List<OAuthConnection> list(String userId) {
        Map<String, OAuthConnection> byClient = new LinkedHashMap<>();
        for (OAuthToken token : tokens.listLiveByUser(userId, clock.instant())) {
            String key = token.clientId() + " " + token.workspaceId();
            byClient.merge(key, connectionOf(token), ManageOAuthConnections::combine);
        }
        List<OAuthConnection> result = new ArrayList<>(byClient.values());
        result.sort(Comparator.comparing(OAuthConnection::lastIssuedAt).reversed());
        return result;
    }

    /** Revokes every token the user's authorizations gave this client; returns how many pairs. */
    public int disconnect(String userId, String clientId) {
        return tokens.listLiveByUser(userId, clock.instant()).stream()
                .filter(token -> token.clientId().equals(clientId))
                .map(OAuthToken::familyId)
                .distinct()
                .mapToInt(revocations::revokeFamily)
                .sum();
    }

    private OAuthConnection connectionOf(OAuthToken token) {
        String name =
                clients.find(token.clientId()).map(OAuthClient::displayName).orElse(token.clientId());
        return new OAuthConnection(
                token.clientId(), name, token.workspaceId(), token.scopes(), token.issuedAt(), token.issuedAt());
    }

    private static OAuthConnection combine(OAuthConnection a, OAuthConnection b) {
        Instant first =
                a.firstAuthorizedAt().isBefore(b.firstAuthorizedAt()) ? a.firstAuthorizedAt() : b.firstAuthorizedAt();
        Instant last = a.lastIssuedAt().isAfter(b.lastIssuedAt()) ? a.lastIssuedAt() : b.lastIssuedAt();
        return new OAuthConnection(
                a.clientId(), a.clientName(), a.workspaceId(), a.scopes().union(b.scopes()), first, last);
    }
}
