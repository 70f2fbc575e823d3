package dev.latchkey.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.testing.InMemorySigningKeyStore;
import dev.latchkey.domain.testing.MutableClock;
import dev.latchkey.domain.workloadtoken.WorkloadTokenClaims;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** The workload token's claims: the person as the subject, the workload as the actor (RFC 8693 §4.1). */
class Rs256WorkloadTokenCodecTest {
    private final MutableClock clock = MutableClock.startingAt("2026-12-01T12:00:00Z");
    private final WorkloadSigningKeys keys = new WorkloadSigningKeys(
            new InMemorySigningKeyStore(),
            new byte[32],
            clock,
            Duration.ZERO,
            Duration.ofMinutes(6),
            Duration.ofMinutes(1));
    private final Rs256WorkloadTokenCodec codec =
            new Rs256WorkloadTokenCodec(keys, "latchkey", "latchkey-internal", clock);
    private final WorkloadTokenClaims claims = new WorkloadTokenClaims(
            "wl_agent",
            "usr_ana",
            "grant_1",
            "ws_1",
            ScopeSet.parse(List.of("records:read")),
            "wjti_1",
            clock.instant(),
            clock.instant().plusSeconds(300));

    @Test
    void thePersonIsTheSubjectAndTheWorkloadActsForThem() throws Exception {
        String token = codec.sign(claims);

        JwtClaims payload = JwtClaims.parse(
                new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        assertThat(payload.getSubject()).isEqualTo("usr_ana");
        assertThat(payload.getClaimValue("act")).isEqualTo(Map.of("sub", "wl_agent"));
        assertThat(codec.verify(token)).isEqualTo(claims);
    }

    @Test
    void aTokenSignedWithTheEarlierLayoutStillReadsTheSameDuringAnUpgrade() {
        JwtClaims earlier = new JwtClaims();
        earlier.setIssuer("latchkey");
        earlier.setAudience("latchkey-internal");
        earlier.setSubject("wl_agent");
        earlier.setClaim("act", Map.of("sub", "usr_ana"));
        earlier.setClaim("grant_id", "grant_1");
        earlier.setClaim("tenant_id", "ws_1");
        earlier.setClaim("scope", "records:read");
        earlier.setJwtId("wjti_1");
        earlier.setIssuedAt(NumericDate.fromSeconds(clock.instant().getEpochSecond()));
        earlier.setExpirationTime(NumericDate.fromSeconds(clock.instant().getEpochSecond() + 300));

        assertThat(codec.verify(keys.sign(earlier, Rs256WorkloadTokenCodec.TYPE)))
                .isEqualTo(claims);
    }
}
