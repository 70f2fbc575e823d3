package dev.latchkey.domain.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.oauth.AuthorizationCode;
import dev.latchkey.domain.oauth.AuthorizationCodeStore;
import dev.latchkey.domain.oauth.ClientAuthMethod;
import dev.latchkey.domain.oauth.OAuthClient;
import dev.latchkey.domain.oauth.OAuthClientStore;
import dev.latchkey.domain.oauth.OAuthToken;
import dev.latchkey.domain.oauth.OAuthTokenStore;
import dev.latchkey.domain.oauth.TokenHashes;
import dev.latchkey.domain.scope.ScopeSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every OAuth store must do: find by hash, redeem codes once, rotate once, revoke whole families. */
public abstract class OAuthStoresContract {
    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    protected abstract OAuthClientStore clientStore();

    protected abstract AuthorizationCodeStore codeStore();

    protected abstract OAuthTokenStore tokenStore();

    protected abstract dev.latchkey.domain.oauth.handoff.PendingAuthorizationStore pendingStore();

    @Test
    void aHandedOffRequestIsDecidedOnceCompletedOnceAndForgottenAfterItExpires() throws Exception {
        var store = pendingStore();
        String id = TokenHashes.of(unique("request"));
        var pending = new dev.latchkey.domain.oauth.handoff.PendingAuthorization(
                id,
                "response_type=code&client_id=client_1&state=a%26b",
                TokenHashes.of(unique("browser")),
                T0,
                T0.plusSeconds(600),
                Optional.empty(),
                Optional.empty());
        store.insert(pending);
        assertThat(store.findByIdHash(id)).contains(pending);

        var approve = new dev.latchkey.domain.oauth.handoff.PendingAuthorization.Decision(
                "usr_1", Optional.of("ws_1"), T0.plusSeconds(5));
        var deny = new dev.latchkey.domain.oauth.handoff.PendingAuthorization.Decision(
                "usr_2", Optional.empty(), T0.plusSeconds(6));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Boolean> first = pool.submit(() -> store.decide(id, approve));
            Future<Boolean> second = pool.submit(() -> store.decide(id, deny));
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdown();
        }
        var decided = store.findByIdHash(id).orElseThrow().decision().orElseThrow();
        assertThat(List.of(approve, deny)).contains(decided);

        assertThat(store.complete(id, T0.plusSeconds(10))).isTrue();
        assertThat(store.complete(id, T0.plusSeconds(11))).isFalse();
        assertThat(store.findByIdHash(id).orElseThrow().completedAt()).contains(T0.plusSeconds(10));
        assertThat(store.decide(TokenHashes.of(unique("nobody")), approve)).isFalse();

        assertThat(store.deleteExpiredBefore(T0.plusSeconds(601))).isGreaterThanOrEqualTo(1);
        assertThat(store.findByIdHash(id)).isEmpty();
    }

    private static String unique(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static OAuthClient client(ClientAuthMethod method, Instant issuedAt) {
        return new OAuthClient(
                unique("client"),
                method.usesSecret() ? Optional.of(TokenHashes.of(unique("secret"))) : Optional.empty(),
                method,
                Optional.of("Claude"),
                List.of("https://claude.ai/api/mcp/auth_callback", "cursor://anysphere/cb"),
                Optional.of("records:read"),
                issuedAt,
                Optional.empty());
    }

    private static OAuthToken token(String familyId, String userId, Instant issuedAt) {
        return new OAuthToken(
                unique("oat"),
                familyId,
                "client_1",
                Optional.of(userId),
                "ws_1",
                ScopeSet.parseSpaceSeparated("records:read"),
                ScopeSet.parseSpaceSeparated("records:read records:write"),
                "https://api.example.com/mcp",
                TokenHashes.of(unique("access")),
                issuedAt.plus(Duration.ofHours(1)),
                Optional.of(TokenHashes.of(unique("refresh"))),
                issuedAt.plus(Duration.ofDays(30)),
                issuedAt,
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void clientsRoundTripAndOnlyNeverUsedOldOnesExpire() {
        OAuthClientStore store = clientStore();
        OAuthClient confidential = client(ClientAuthMethod.CLIENT_SECRET_POST, T0);
        OAuthClient publicUnused = client(ClientAuthMethod.NONE, T0);
        OAuthClient publicUsed = client(ClientAuthMethod.NONE, T0);
        OAuthClient recent = client(ClientAuthMethod.NONE, T0.plus(Duration.ofDays(2)));
        List.of(confidential, publicUnused, publicUsed, recent).forEach(store::insert);
        store.markUsed(publicUsed.clientId(), T0.plusSeconds(60));
        store.markUsed(confidential.clientId(), T0.plusSeconds(60));

        assertThat(store.findById(publicUnused.clientId())).contains(publicUnused);
        assertThat(store.findById(publicUsed.clientId()).orElseThrow().lastUsedAt())
                .contains(T0.plusSeconds(60));

        assertThat(store.deleteNeverUsedIssuedBefore(T0.plus(Duration.ofDays(1))))
                .isGreaterThanOrEqualTo(1);
        assertThat(store.findById(publicUnused.clientId())).isEmpty();
        assertThat(store.findById(publicUsed.clientId())).isPresent();
        assertThat(store.findById(confidential.clientId()).orElseThrow().secretHash())
                .isEqualTo(confidential.secretHash());
        assertThat(store.findById(recent.clientId())).isPresent();
    }

    private static OAuthClient machineClient(String workspaceId, Instant issuedAt, boolean withKeys) {
        return new OAuthClient(
                unique("mcl"),
                withKeys ? Optional.empty() : Optional.of(TokenHashes.of(unique("secret"))),
                withKeys ? ClientAuthMethod.PRIVATE_KEY_JWT : ClientAuthMethod.CLIENT_SECRET_BASIC,
                Optional.of("nightly export"),
                List.of(),
                Optional.of("records:read"),
                issuedAt,
                Optional.empty(),
                Optional.of(new OAuthClient.Machine(workspaceId, "usr_admin")),
                withKeys
                        ? Optional.of("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"x\",\"y\":\"y\"}]}")
                        : Optional.empty());
    }

    @Test
    void machineClientsBelongToOneWorkspaceAndNeverExpireForDisuse() {
        OAuthClientStore store = clientStore();
        String workspace = unique("ws");
        String other = unique("ws");
        OAuthClient withSecret = machineClient(workspace, T0, false);
        OAuthClient withKeys = machineClient(workspace, T0.plusSeconds(1), true);
        OAuthClient elsewhere = machineClient(other, T0, false);
        List.of(withSecret, withKeys, elsewhere).forEach(store::insert);

        assertThat(store.findById(withKeys.clientId())).contains(withKeys);
        assertThat(store.listMachineClients(workspace)).containsExactly(withSecret, withKeys);
        store.deleteNeverUsedIssuedBefore(T0.plus(Duration.ofDays(30)));
        assertThat(store.findById(withSecret.clientId()))
                .as("never used, and kept")
                .isPresent();

        assertThat(store.deleteMachineClient(other, withSecret.clientId()))
                .as("not from another workspace")
                .isFalse();
        assertThat(store.deleteMachineClient(workspace, withSecret.clientId())).isTrue();
        assertThat(store.deleteMachineClient(workspace, withSecret.clientId())).isFalse();
        assertThat(store.listMachineClients(workspace)).containsExactly(withKeys);
        assertThat(store.listMachineClients(other)).containsExactly(elsewhere);
    }

    @Test
    void aMachineClientsOwnTokenHasNoPersonAndNoRefreshToken() {
        OAuthTokenStore store = tokenStore();
        OAuthToken own = new OAuthToken(
                unique("oat"),
                unique("ofam"),
                "mcl_1",
                Optional.empty(),
                "ws_1",
                ScopeSet.parseSpaceSeparated("records:read"),
                ScopeSet.parseSpaceSeparated("records:read"),
                "https://api.example.com",
                TokenHashes.of(unique("access")),
                T0.plus(Duration.ofHours(1)),
                Optional.empty(),
                T0.plus(Duration.ofHours(1)),
                T0,
                Optional.empty(),
                Optional.empty());
        store.insert(own);

        assertThat(store.findByAccessHash(own.accessHash())).contains(own);
        assertThat(own.refreshUsableAt(T0)).isFalse();
    }

    @Test
    void aCodeIsRedeemedOnceEvenUnderRacingRedemptions() throws Exception {
        AuthorizationCodeStore store = codeStore();
        String hash = TokenHashes.of(unique("code"));
        AuthorizationCode code = new AuthorizationCode(
                hash,
                "client_1",
                "http://127.0.0.1:33418/",
                "c".repeat(43),
                ScopeSet.parseSpaceSeparated("records:read"),
                "https://api.example.com",
                "usr_1",
                "ws_1",
                T0,
                T0.plusSeconds(300));
        store.insert(code);
        assertThat(store.redeem(TokenHashes.of("unknown"), "ofam_x", T0)).isEmpty();

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<AuthorizationCodeStore.Redemption>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String family = "ofam_" + i;
                results.add(pool.submit((Callable<AuthorizationCodeStore.Redemption>)
                        () -> store.redeem(hash, family, T0.plusSeconds(1)).orElseThrow()));
            }
            List<AuthorizationCodeStore.Redemption> redemptions = new ArrayList<>();
            for (Future<AuthorizationCodeStore.Redemption> r : results) {
                redemptions.add(r.get());
            }
            assertThat(redemptions)
                    .filteredOn(AuthorizationCodeStore.Redemption::isFirst)
                    .hasSize(1);
            String winner = "ofam_"
                    + redemptions.indexOf(redemptions.stream()
                            .filter(AuthorizationCodeStore.Redemption::isFirst)
                            .findFirst()
                            .orElseThrow());
            assertThat(redemptions)
                    .filteredOn(r -> !r.isFirst())
                    .allSatisfy(r -> assertThat(r.earlierFamilyId()).contains(winner));
            assertThat(redemptions).allSatisfy(r -> assertThat(r.code()).isEqualTo(code));
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.deleteExpiredBefore(T0.plusSeconds(301))).isGreaterThanOrEqualTo(1);
        assertThat(store.redeem(hash, "ofam_late", T0.plusSeconds(400))).isEmpty();
    }

    @Test
    void tokensAreFoundByEitherHashAndRotateOnce() {
        OAuthTokenStore store = tokenStore();
        OAuthToken token = token(unique("ofam"), unique("usr"), T0);
        store.insert(token);

        assertThat(store.findByAccessHash(token.accessHash())).contains(token);
        assertThat(store.findByRefreshHash(token.refreshHash().orElseThrow())).contains(token);
        assertThat(store.findByAccessHash(token.refreshHash().orElseThrow()))
                .as("the hashes are not interchangeable")
                .isEmpty();

        assertThat(store.markRotated(token.id(), T0.plusSeconds(10))).isTrue();
        assertThat(store.markRotated(token.id(), T0.plusSeconds(11))).isFalse();
        assertThat(store.findByRefreshHash(token.refreshHash().orElseThrow())
                        .orElseThrow()
                        .rotatedAt())
                .contains(T0.plusSeconds(10));
    }

    @Test
    void revokingAFamilyRevokesEveryPairInItAndNoOther() {
        OAuthTokenStore store = tokenStore();
        String user = unique("usr");
        String family = unique("ofam");
        OAuthToken first = token(family, user, T0);
        OAuthToken second = token(family, user, T0.plusSeconds(60));
        OAuthToken other = token(unique("ofam"), user, T0.plusSeconds(120));
        List.of(first, second, other).forEach(store::insert);

        assertThat(store.listLiveByUser(user, T0.plusSeconds(200)))
                .extracting(OAuthToken::id)
                .containsExactly(other.id(), second.id(), first.id());
        assertThat(store.revokeFamily(family, T0.plusSeconds(300))).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(store.revokeFamily(family, T0.plusSeconds(301)))
                .as("already revoked")
                .isEmpty();
        assertThat(store.findByAccessHash(first.accessHash()).orElseThrow().revokedAt())
                .contains(T0.plusSeconds(300));
        assertThat(store.findByAccessHash(other.accessHash()).orElseThrow().revokedAt())
                .isEmpty();
        assertThat(store.listLiveByUser(user, T0.plusSeconds(400)))
                .extracting(OAuthToken::id)
                .containsExactly(other.id());
        assertThat(store.listLiveByUser(user, T0.plus(Duration.ofDays(31))))
                .as("refresh expired")
                .isEmpty();

        assertThat(store.deleteExpiredBefore(T0.plus(Duration.ofDays(31)))).isGreaterThanOrEqualTo(3);
        assertThat(store.findByAccessHash(other.accessHash())).isEmpty();
    }
}
