package dev.latchkey.app;

import static dev.latchkey.app.ForwardAuthContractHttpTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Behind Envoy only the path after /authz/check is read. One class per proxy: a config override is a JVM-wide system property while its app runs. */
@ExtendWith(DropwizardExtensionsSupport.class)
class EnvoyForwardAuthHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> ENVOY =
            TestApps.onH2(ConfigOverride.config("forwardAuth.proxy", "envoy"));

    @Test
    void envoyAsksAtThePrefixFollowedByTheOriginalPathAndNothingElseIsRead() {
        String envoyKey =
                TestApps.createWorkspace(ENVOY, "E").firstKey().secret().value();
        RawHttp.Answer allowed =
                send(ENVOY, "GET", "/authz/check/api/pipelines/p_1", List.of("Authorization: Bearer " + envoyKey));
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(send(ENVOY, "DELETE", "/authz/check/api/pipelines/p_1", List.of())
                        .status())
                .isEqualTo(401);
        assertThat(send(ENVOY, "GET", "/authz/check/elsewhere", List.of("Authorization: Bearer " + envoyKey))
                        .body())
                .contains("\"code\":\"not_found\"");
        assertThat(send(ENVOY, "GET", "/authz/check/public/%2e%2e/api/pipelines/p_1", List.of())
                        .status())
                .isEqualTo(400);
        assertThat(send(ENVOY, "GET", "/authz/check/api/pipelines/p_1", List.of("X-Original-URI: /health"))
                        .status())
                .as("a client's header Envoy would not send")
                .isEqualTo(400);
    }
}
