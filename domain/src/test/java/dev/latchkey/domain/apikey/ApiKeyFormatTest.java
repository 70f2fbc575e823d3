package dev.latchkey.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void generatedKeysHaveTheDocumentedShapeAndPassTheirOwnChecksum() {
        PlaintextApiKey key = ApiKeyFormat.generate(random);

        assertThat(key.value())
                .startsWith("sk_live_")
                .hasSize(ApiKeyFormat.LENGTH)
                .matches("sk_live_[0-9A-Za-z]{38}");
        assertThat(key.lookupPrefix()).hasSize(16).isEqualTo(key.value().substring(0, 16));
        assertThat(ApiKeyFormat.lookupPrefixOf(key.value())).contains(key.lookupPrefix());
    }

    @Test
    void everySingleCharacterTypoIsCaughtByTheChecksum() {
        String key = ApiKeyFormat.generate(random).value();
        char[] alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
        for (int i = ApiKeyFormat.PREFIX.length(); i < key.length(); i++) {
            for (char c : alphabet) {
                if (c == key.charAt(i)) {
                    continue;
                }
                String typo = key.substring(0, i) + c + key.substring(i + 1);
                assertThat(ApiKeyFormat.lookupPrefixOf(typo)).as(typo).isEmpty();
            }
        }
    }

    @Test
    void truncatedExtendedOrForeignValuesAreNotKeys() {
        String key = ApiKeyFormat.generate(random).value();

        assertThat(ApiKeyFormat.lookupPrefixOf(key.substring(0, key.length() - 1)))
                .isEmpty();
        assertThat(ApiKeyFormat.lookupPrefixOf(key + "x")).isEmpty();
        assertThat(ApiKeyFormat.lookupPrefixOf("sk_test_" + key.substring(8))).isEmpty();
        assertThat(ApiKeyFormat.lookupPrefixOf(key.replace('_', '-'))).isEmpty();
        assertThat(ApiKeyFormat.lookupPrefixOf("")).isEmpty();
    }

    @Test
    void plaintextKeyNeverPrintsItsSecret() {
        PlaintextApiKey key = ApiKeyFormat.generate(random);

        assertThat(key.toString()).doesNotContain(key.value()).contains(key.lookupPrefix());
    }

    @Test
    void generatedPrefixesDoNotRepeatInPractice() {
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            prefixes.add(ApiKeyFormat.generate(random).lookupPrefix());
        }
        assertThat(prefixes).hasSize(10_000);
    }
}
