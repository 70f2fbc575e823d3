package dev.latchkey.domain.oauth.introspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.actor.Actor;
import dev.latchkey.domain.actor.ActorKind;
import dev.latchkey.domain.actor.ActorStatus;
import dev.latchkey.domain.auth.AuthenticateRequest;
import dev.latchkey.domain.auth.AuthenticationListener;
import dev.latchkey.domain.auth.CredentialKind;
import dev.latchkey.domain.auth.CredentialVerifier;
import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.auth.Principal;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import dev.latchkey.domain.oauth.ClientCredentials;
import dev.latchkey.domain.oauth.OAuthError;
import dev.latchkey.domain.oauth.OAuthFailure;
import dev.latchkey.domain.oauth.ProtectedResources;
import dev.latchkey.domain.oauth.TokenHashes;
import dev.latchkey.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntrospectTokenTest {
    private static final String API = "https://api.example.com";
    private static final String NOTES = "https://notes.example.com/mcp";
    private static final String FILES = "https://files.example.com/mcp";
    private static final String SECRET = "a-resource-server-secret-with-plenty-of-entropy-0123456789";

    /** Tokens by value: what the verifier chain would make of each. */
    private final Map<String, Object> tokens = Map.of(
            "lk_oat_notes", principal(Optional.of(NOTES)),
            "lk_oat_files", principal(Optional.of(FILES)),
            "sk_live_unbound", principal(Optional.empty()),
            "lk_oat_revoked", new AuthFailure(AuthError.INVALID_OAUTH_TOKEN, "revoked"),
            "eyJ.idp.down", new AuthFailure(AuthError.IDENTITY_PROVIDER_UNAVAILABLE, "down"));

    private final IntrospectToken introspect = new IntrospectToken(
            new ResourceServers(
                    List.of(new ResourceServer("notes-server", TokenHashes.of(SECRET), List.of(NOTES + "/"))),
                    new ProtectedResources(List.of(API, NOTES, FILES))),
            new AuthenticateRequest(List.of(new ByValue()), AuthenticationListener.NONE));

    private static final ClientCredentials NOTES_SERVER =
            new ClientCredentials(Optional.of("notes-server"), Optional.of(SECRET));

    private static Principal principal(Optional<String> audience) {
        Actor person = new Actor("usr_1", ActorKind.HUMAN, ActorStatus.ACTIVE, Optional.of("ws_1"), "member", Set.of());
        return new Principal(
                        person,
                        Optional.of("ws_1"),
                        CredentialKind.OAUTH_ACCESS_TOKEN,
                        ScopeSet.parseSpaceSeparated("records:read"),
                        "oat_1",
                        Optional.of(Instant.parse("2026-12-01T12:00:00Z")),
                        Optional.empty(),
                        audience)
                .from(new Principal.Origin(
                        Optional.of("cli_1"), Optional.of(Instant.parse("2026-12-01T11:00:00Z")), Optional.empty()));
    }

    private final class ByValue implements CredentialVerifier {
        @Override
        public CredentialKind kind() {
            return CredentialKind.OAUTH_ACCESS_TOKEN;
        }

        @Override
        public boolean recognises(PresentedCredential credential) {
            return tokens.containsKey(credential.value());
        }

        @Override
        public Principal verify(PresentedCredential credential) {
            Object outcome = tokens.get(credential.value());
            if (outcome instanceof AuthFailure failure) {
                throw failure;
            }
            return (Principal) outcome;
        }
    }

    @Test
    void aTokenForTheServersOwnResourceIsActiveWithWhatItCarries() {
        Introspection answer = introspect.introspect(NOTES_SERVER, Optional.of("lk_oat_notes"));

        assertThat(answer.isActive()).isTrue();
        Principal principal = answer.principal().orElseThrow();
        assertThat(principal.audience()).contains(NOTES);
        assertThat(principal.origin().clientId()).contains("cli_1");
    }

    @Test
    void aTokenBoundToAnotherResourceIsInactiveToThisServer() {
        assertThat(introspect
                        .introspect(NOTES_SERVER, Optional.of("lk_oat_files"))
                        .isActive())
                .isFalse();
    }

    @Test
    void aCredentialBoundToNoResourceIsDescribedLikeAtAnyGuardedRoute() {
        assertThat(introspect
                        .introspect(NOTES_SERVER, Optional.of("sk_live_unbound"))
                        .isActive())
                .isTrue();
    }

    @Test
    void revokedUnknownHugeAndNonAsciiTokensAreInactiveAndNotToldApart() {
        for (String token :
                List.of("lk_oat_revoked", "lk_oat_never_issued", "x".repeat(9000), "lk_oat_\u00e9", "a b")) {
            assertThat(introspect.introspect(NOTES_SERVER, Optional.of(token)))
                    .as(token.length() > 40 ? "a 9,000-character token" : token)
                    .isEqualTo(Introspection.INACTIVE);
        }
    }

    @Test
    void anIdentityProviderThatCannotAnswerIsAnOutageNotAnInactiveToken() {
        assertThatThrownBy(() -> introspect.introspect(NOTES_SERVER, Optional.of("eyJ.idp.down")))
                .isInstanceOfSatisfying(
                        OAuthFailure.class, f -> assertThat(f.error()).isEqualTo(OAuthError.TEMPORARILY_UNAVAILABLE));
    }

    @Test
    void onlyARegisteredResourceServerWithItsSecretMayAsk() {
        for (ClientCredentials stranger : List.of(
                new ClientCredentials(Optional.empty(), Optional.empty()),
                new ClientCredentials(Optional.of("notes-server"), Optional.empty()),
                new ClientCredentials(Optional.of("notes-server"), Optional.of(SECRET + "x")),
                new ClientCredentials(Optional.of("cli_registered_openly"), Optional.of(SECRET)))) {
            assertThatThrownBy(() -> introspect.introspect(stranger, Optional.of("lk_oat_notes")))
                    .as(stranger.toString())
                    .isInstanceOfSatisfying(
                            OAuthFailure.class, f -> assertThat(f.error()).isEqualTo(OAuthError.INVALID_CLIENT));
        }
    }

    @Test
    void aRequestWithoutATokenIsMalformed() {
        assertThatThrownBy(() -> introspect.introspect(NOTES_SERVER, Optional.empty()))
                .isInstanceOfSatisfying(
                        OAuthFailure.class, f -> assertThat(f.error()).isEqualTo(OAuthError.INVALID_REQUEST));
    }

    @Test
    void aResourceServerMustNameResourcesThisServerProtectsAndHoldAHashNotASecret() {
        ProtectedResources resources = new ProtectedResources(List.of(API, NOTES));
        assertThatThrownBy(() -> new ResourceServers(
                        List.of(new ResourceServer("x", TokenHashes.of(SECRET), List.of(FILES))), resources))
                .hasMessageContaining(FILES);
        assertThatThrownBy(() -> new ResourceServer("x", SECRET, List.of(NOTES)))
                .hasMessageContaining("SHA-256");
        assertThat(new ResourceServer("x", TokenHashes.of(SECRET), List.of(NOTES)).toString())
                .doesNotContain(TokenHashes.of(SECRET));
    }
}
