package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.app.config.LatchkeyConfiguration;
import dev.latchkey.domain.auth.CredentialKind;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The verifiers' order, pinned: the first whose shape matches decides, so where two kinds look
 * alike the order is behaviour. Workload tokens before user tokens (both carry Latchkey's issuer;
 * only workload tokens are {@code at+jwt}); Latchkey's own kinds before outside issuers'; WorkOS
 * last, and its API keys only when it is their authority (pinned in {@code WorkosModeHttpTest}, whose
 * app runs in that mode: two apps with different overrides cannot share a test class).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CredentialChainTest {
    static final DropwizardAppExtension<LatchkeyConfiguration> LOCAL = TestApps.onH2();

    @Test
    void withLocalKeysLatchkeysOwnKindsComeFirst() {
        assertThat(TestApps.verifierOrder(LOCAL))
                .containsExactly(
                        CredentialKind.WORKLOAD_TOKEN,
                        CredentialKind.API_KEY,
                        CredentialKind.OAUTH_ACCESS_TOKEN,
                        CredentialKind.USER_JWT,
                        CredentialKind.EXTERNAL_JWT);
    }
}
