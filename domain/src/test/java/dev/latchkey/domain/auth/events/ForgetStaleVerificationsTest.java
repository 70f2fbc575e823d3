package dev.latchkey.domain.auth.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.auth.VerificationCache;
import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.InMemoryVerificationCache;
import dev.latchkey.domain.testing.TestCredentialEvents;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each event forgets exactly the verifications it made stale, in every cache, and keeps the rest. */
class ForgetStaleVerificationsTest {
    private final VerificationCache keys = new InMemoryVerificationCache(100);
    private final VerificationCache tokens = new InMemoryVerificationCache(100);
    private final CredentialEvents events = TestCredentialEvents.forgettingIn(keys, tokens);

    /** Alice's user token and OAuth token, Bob's user token, a workload token of ws_1, a WorkOS identity in ws_1, a key of ws_2. */
    private void remember() {
        put(tokens, "jwt_alice", "jwt_alice", "usr_alice", "ws_1", CredentialKind.USER_JWT);
        put(tokens, "oat_alice", "family_1", "usr_alice", "ws_1", CredentialKind.OAUTH_ACCESS_TOKEN);
        put(tokens, "jwt_bob", "jwt_bob", "usr_bob", "ws_1", CredentialKind.USER_JWT);
        put(tokens, "wlt_1", "grant_1", "wl_1", "ws_1", CredentialKind.WORKLOAD_TOKEN);
        put(tokens, "workos_carol", "workos_carol", "act_carol", "ws_1", CredentialKind.WORKOS_ACCESS_TOKEN);
        put(keys, "key_1", "hash_1", "key_1", "ws_2", CredentialKind.API_KEY);
    }

    private static void put(
            VerificationCache cache,
            String credentialId,
            String proof,
            String actorId,
            String tenant,
            CredentialKind kind) {
        Actor actor = new Actor(actorId, ActorKind.HUMAN, ActorStatus.ACTIVE, Optional.of(tenant), "member", Set.of());
        Principal principal =
                new Principal(actor, Optional.of(tenant), kind, ScopeSet.EMPTY, credentialId, Optional.empty());
        cache.put(
                VerificationCache.fingerprint(credentialId),
                new VerificationCache.Entry(credentialId, proof, principal, Optional.empty(), Instant.MAX));
    }

    private Set<String> forgottenAfter(CredentialEvent event) {
        remember();
        events.publish(event);
        return Stream.of("jwt_alice", "oat_alice", "jwt_bob", "wlt_1", "workos_carol", "key_1")
                .filter(id -> keys.get(VerificationCache.fingerprint(id)).isEmpty()
                        && tokens.get(VerificationCache.fingerprint(id)).isEmpty())
                .collect(Collectors.toSet());
    }

    @Test
    void eachEventForgetsWhatItMadeStaleAndNothingElse() {
        assertThat(forgottenAfter(new CredentialEvent.CredentialChanged("key_1")))
                .containsOnly("key_1");
        assertThat(forgottenAfter(new CredentialEvent.GrantRevoked("grant_1"))).containsOnly("wlt_1");
        assertThat(forgottenAfter(new CredentialEvent.GrantRevoked("family_1"))).containsOnly("oat_alice");
        assertThat(forgottenAfter(new CredentialEvent.SignedOutEverywhere("usr_alice")))
                .containsOnly("jwt_alice", "oat_alice");
        assertThat(forgottenAfter(new CredentialEvent.ActorChanged("usr_bob"))).containsOnly("jwt_bob");
        assertThat(forgottenAfter(new CredentialEvent.MembershipChanged("usr_bob", "ws_1")))
                .containsOnly("jwt_bob", "wlt_1");
        assertThat(forgottenAfter(new CredentialEvent.MappingChanged("act_dave", "ws_1")))
                .containsOnly("workos_carol");
        assertThat(forgottenAfter(new CredentialEvent.WorkspacesChanged(Set.of("ws_2"))))
                .containsOnly("key_1");
        assertThat(forgottenAfter(new CredentialEvent.WorkspacesChanged(Set.of("ws_1", "ws_2"))))
                .hasSize(6);
    }

    @Test
    void everySubscriberHearsEveryEvent() {
        InProcessCredentialEvents bus = new InProcessCredentialEvents();
        List<CredentialEvent> first = new java.util.ArrayList<>();
        List<CredentialEvent> second = new java.util.ArrayList<>();
        bus.subscribe(first::add);
        bus.subscribe(second::add);

        bus.publish(new CredentialEvent.ActorChanged("usr_alice"));

        assertThat(first).containsExactly(new CredentialEvent.ActorChanged("usr_alice"));
        assertThat(second).isEqualTo(first);
    }
}
