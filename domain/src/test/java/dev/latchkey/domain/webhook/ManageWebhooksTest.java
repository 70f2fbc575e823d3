package dev.latchkey.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.audit.AuditTrail;
import dev.latchkey.domain.audit.Initiator;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.common.RandomIdGenerator;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.error.RequestError;
import dev.latchkey.domain.error.RequestRejected;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.InMemoryAuditLog;
import dev.latchkey.domain.testing.InMemoryWebhookStore;
import dev.latchkey.domain.testing.MutableClock;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Registering endpoints: the URL is hostile input, the secret is shown once, and workspaces stay apart. */
class ManageWebhooksTest {
    private final MutableClock clock = MutableClock.startingAt("2026-12-01T12:00:00Z");
    private final InMemoryWebhookStore store = new InMemoryWebhookStore();
    private final RandomIdGenerator ids = new RandomIdGenerator(new SecureRandom());
    /** Refuses the one host a test names as internal, as the real sender refuses private addresses. */
    private final WebhookSender sender = new DeliverWebhooksTest.ScriptedReceiver() {
        @Override
        public Optional<String> refuses(URI url) {
            return url.getHost().equals("metadata.internal")
                    ? Optional.of("its host resolves to a private or local address")
                    : Optional.empty();
        }
    };

    private final ManageWebhooks webhooks = new ManageWebhooks(
            store,
            sender,
            DeliverWebhooksTest.SEALER,
            ids,
            new SecureRandom(),
            clock,
            new AuditTrail(new InMemoryAuditLog(), ids, clock),
            false);

    private static Principal caller(String tenant, CredentialKind kind) {
        return new Principal(
                new Actor("usr_" + tenant, ActorKind.HUMAN, ActorStatus.ACTIVE, Optional.of(tenant), "owner", Set.of()),
                Optional.of(tenant),
                kind,
                ScopeSet.ALL,
                "cred_1",
                Optional.empty());
    }

    private final Principal admin = caller("ws_1", CredentialKind.USER_JWT);
    private final Initiator initiator = new Initiator("usr_ws_1", Optional.empty(), Optional.empty());

    private RequestError refusal(String url, List<String> events) {
        try {
            webhooks.create(admin, url, events, initiator);
        } catch (RequestRejected rejected) {
            return rejected.error();
        }
        throw new AssertionError(url + " was accepted");
    }

    @Test
    void theSecretIsShownOnceAndKeptOnlySealed() {
        ManageWebhooks.Created created = webhooks.create(admin, "https://hooks.example.com/in", List.of(), initiator);

        assertThat(created.secret()).startsWith("whsec_");
        byte[] key = Base64.getDecoder().decode(created.secret().substring("whsec_".length()));
        assertThat(key).hasSize(32);
        WebhookEndpoint stored = store.findEndpoint(created.endpoint().id()).orElseThrow();
        assertThat(stored.sealedSecret()).isNotEqualTo(created.secret());
        assertThat(DeliverWebhooksTest.SEALER.open(stored.sealedSecret(), stored.id()))
                .isEqualTo(key);
        assertThat(stored.events()).containsExactlyInAnyOrderElementsOf(WebhookEvents.ALL);
    }

    @Test
    void urlsThatAreNotPublicHttpsAreRefused() {
        for (String url : List.of(
                "",
                "ftp://hooks.example.com/in",
                "http://hooks.example.com/in",
                "https://user:pass@hooks.example.com/in",
                "https://hooks.example.com/in#frag",
                "https:///nohost",
                "https://hooks.example.com/" + "a".repeat(2000),
                "https://metadata.internal/latest",
                "not a url at all")) {
            assertThat(refusal(url, List.of())).as(url).isEqualTo(RequestError.INVALID_REQUEST);
        }
        assertThat(refusal("https://hooks.example.com/in", List.of("approval.requested", "user.deleted")))
                .isEqualTo(RequestError.INVALID_REQUEST);
        assertThat(store.endpointsOf("ws_1")).isEmpty();
    }

    @Test
    void noDelegatedCredentialChoosesWhereAWorkspacesEventsGo() {
        for (CredentialKind delegated : List.of(CredentialKind.WORKLOAD_TOKEN, CredentialKind.OAUTH_ACCESS_TOKEN)) {
            assertThatThrownBy(() -> webhooks.create(
                            caller("ws_1", delegated), "https://attacker.example.com/in", List.of(), initiator))
                    .isInstanceOfSatisfying(
                            AuthFailure.class, f -> assertThat(f.error()).isEqualTo(AuthError.INSUFFICIENT_SCOPE));
        }
        assertThat(webhooks.create(
                        caller("ws_1", CredentialKind.API_KEY), "https://hooks.example.com/a", List.of(), initiator))
                .isNotNull();
    }

    @Test
    void anotherWorkspacesEndpointIsNotFoundAndTheCountIsCapped() {
        String id = webhooks.create(admin, "https://hooks.example.com/in", List.of(), initiator)
                .endpoint()
                .id();
        Principal stranger = caller("ws_2", CredentialKind.USER_JWT);

        assertThatThrownBy(() -> webhooks.deliveries(stranger, id))
                .isInstanceOfSatisfying(
                        RequestRejected.class, r -> assertThat(r.error()).isEqualTo(RequestError.NOT_FOUND));
        assertThatThrownBy(() -> webhooks.delete(stranger, id, initiator)).isInstanceOf(RequestRejected.class);
        assertThat(webhooks.list(stranger)).isEmpty();

        for (int i = 1; i < ManageWebhooks.MAX_ENDPOINTS_PER_WORKSPACE; i++) {
            webhooks.create(admin, "https://hooks.example.com/" + i, List.of(), initiator);
        }
        assertThat(refusal("https://hooks.example.com/one-more", List.of())).isEqualTo(RequestError.INVALID_REQUEST);
        webhooks.delete(admin, id, initiator);
        assertThat(webhooks.list(admin)).hasSize(ManageWebhooks.MAX_ENDPOINTS_PER_WORKSPACE - 1);
    }
}
