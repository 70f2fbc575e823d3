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

/** Behind Traefik only X-Forwarded-Method/-Uri are read; the client's own X-Original-* are refused. One class per proxy: a config override is a JVM-wide system property while its app runs. */
@ExtendWith(DropwizardExtensionsSupport.class)
class TraefikForwardAuthHttpTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> TRAEFIK =
            TestApps.onH2(ConfigOverride.config("forwardAuth.proxy", "traefik"));

    @Test
    void behindTraefikAClientsOwnOriginalHeadersAreRefusedNotObeyed() {
        String traefikKey =
                TestApps.createWorkspace(TRAEFIK, "T").firstKey().secret().value();
        assertThat(send(
                                TRAEFIK,
                                "GET",
                                "/authz/check",
                                List.of(
                                        "X-Forwarded-Method: GET",
                                        "X-Forwarded-Uri: /api/pipelines/p_1",
                                        "Authorization: Bearer " + traefikKey))
                        .status())
                .isEqualTo(200);
        assertThat(send(
                                TRAEFIK,
                                "GET",
                                "/authz/check",
                                List.of(
                                        "X-Forwarded-Method: DELETE",
                                        "X-Forwarded-Uri: /api/pipelines/p_1",
                                        "X-Original-Method: GET",
                                        "X-Original-URI: /health"))
                        .status())
                .as("the client's X-Original-* passed through by Traefik")
                .isEqualTo(400);
        assertThat(send(
                                TRAEFIK,
                                "GET",
                                "/authz/check",
                                List.of("X-Forwarded-Method: GET", "X-Forwarded-Uri: /public/../api/pipelines/p_1"))
                        .status())
                .isEqualTo(400);
        assertThat(send(TRAEFIK, "GET", "/authz/check", List.of("X-Forwarded-Method: GET"))
                        .status())
                .as("no original URI")
                .isEqualTo(400);
    }
}
