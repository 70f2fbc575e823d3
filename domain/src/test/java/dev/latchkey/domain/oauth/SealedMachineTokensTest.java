package dev.latchkey.domain.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.InMemoryRevokedTokenStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sealed machine token says what it grants, and nothing but this server's key can make one. */
class SealedMachineTokensTest {
    private static final String ISSUER = "https://auth.example.com";
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00.123Z");
    private static final byte[] SECRET = "a-user-token-secret-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8);

    private final InMemoryRevokedTokenStore revoked = new InMemoryRevokedTokenStore();
    private final SealedMachineTokens sealed = new SealedMachineTokens(SECRET, ISSUER, "lk_oat_", revoked);

    private String token() {
        return sealed.seal(
                "oat_1",
                "mcl_export",
                "ws_1",
                ScopeSet.parseSpaceSeparated("records:read records:write"),
                "https://api.example.com/mcp",
                NOW,
                NOW.plusSeconds(3600));
    }

    @Test
    void aSealedTokenOpensToWhatItGrantsWithNoPersonAndNoRefreshToken() {
        String token = token();
        assertThat(token).startsWith("lk_oat_m1.");
        assertThat(sealed.holds(token)).isTrue();

        OAuthToken opened = sealed.find(token).orElseThrow();
        assertThat(opened.id()).isEqualTo("oat_1");
        assertThat(opened.familyId()).as("each alone in its family").isEqualTo("oat_1");
        assertThat(opened.clientId()).isEqualTo("mcl_export");
        assertThat(opened.workspaceId()).isEqualTo("ws_1");
        assertThat(opened.scopes()).isEqualTo(ScopeSet.parseSpaceSeparated("records:read records:write"));
        assertThat(opened.resource()).isEqualTo("https://api.example.com/mcp");
        assertThat(opened.issuedAt()).isEqualTo(NOW);
        assertThat(opened.accessExpiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(opened.accessHash()).isEqualTo(TokenHashes.of(token));
        assertThat(opened.isClientsOwn()).isTrue();
        assertThat(opened.refreshHash()).isEmpty();
    }

    @Test
    void anyChangedCharacterAnotherKeyOrAnotherIssuerOpensNothing() {
        String token = token();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        for (int i = "lk_oat_m1.".length(); i < token.length(); i++) {
            char replacement = alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 1) % alphabet.length());
            String changed = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThat(sealed.find(changed)).as("changed at %d", i).isEmpty();
        }
        assertThat(sealed.find(token + "A")).isEmpty();
        assertThat(sealed.find(token.substring(0, token.length() - 1))).isEmpty();

        byte[] otherSecret = Arrays.copyOf(SECRET, SECRET.length);
        otherSecret[0] ^= 1;
        assertThat(new SealedMachineTokens(otherSecret, ISSUER, "lk_oat_", revoked).find(token))
                .isEmpty();
        assertThat(new SealedMachineTokens(SECRET, "https://other.example.com", "lk_oat_", revoked).find(token))
                .isEmpty();
    }

    @Test
    void aPayloadWrittenByAnyoneButThisServerIsRefusedWhateverItClaims() {
        String token = token();
        String payload = token.substring("lk_oat_m1.".length(), token.lastIndexOf('.'));
        String mac = token.substring(token.lastIndexOf('.') + 1);
        byte[] bytes = Base64.getUrlDecoder().decode(payload);
        // The same grant for another workspace, under the genuine token's MAC.
        String forged = new String(bytes, StandardCharsets.ISO_8859_1).replace("ws_1", "ws_2");
        String forgedPayload =
                Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(sealed.find("lk_oat_m1." + forgedPayload + "." + mac)).isEmpty();
    }

    @Test
    void malformedTextOfAnyShapeIsRefusedNeverAnError() {
        for (String text : List.of(
                "",
                "lk_oat_m1.",
                "lk_oat_m1..",
                "lk_oat_m1.abc",
                "lk_oat_m1.@@@.@@@",
                "lk_oat_m1.é.é",
                "lk_oat_m1." + "A".repeat(20_000) + ".B",
                "lk_oat_" + "x".repeat(43))) {
            assertThat(sealed.find(text))
                    .as(text.length() > 40 ? text.substring(0, 40) : text)
                    .isEmpty();
        }
    }

    @Test
    void aRevokedTokenIsNotFoundButStillOpensSoRevokingItAgainIsHarmless() {
        String token = token();
        OAuthToken opened = sealed.open(token).orElseThrow();
        sealed.revoke(opened);

        assertThat(sealed.find(token)).isEmpty();
        assertThat(sealed.open(token)).contains(opened);
        assertThat(revoked.isRevoked("oat_1")).isTrue();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new SealedMachineTokens(new byte[31], ISSUER, "lk_oat_", revoked))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
