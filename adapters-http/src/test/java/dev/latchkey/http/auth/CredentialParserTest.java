package dev.latchkey.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.domain.auth.PresentedCredential;
import dev.latchkey.domain.error.AuthError;
import dev.latchkey.domain.error.AuthFailure;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialParserTest {

    private static MultivaluedMap<String, String> headers(String... nameValues) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.add(nameValues[i], nameValues[i + 1]);
        }
        return headers;
    }

    @Test
    void parseWhenNoCredentialHeadersThenEmpty() {
        assertThat(CredentialParser.parse(headers("Accept", "application/json")))
                .isEmpty();
    }

    @Test
    void parseReadsBearerWithAnyCaseSchemeAndApiKeyHeader() {
        assertThat(CredentialParser.parse(headers("Authorization", "bearer sk_live_abc")))
                .contains(new PresentedCredential.Bearer("sk_live_abc"));
        assertThat(CredentialParser.parse(headers("Authorization", "Bearer eyJhbGciOi.eyJzdWIi.sig-_")))
                .contains(new PresentedCredential.Bearer("eyJhbGciOi.eyJzdWIi.sig-_"));
        assertThat(CredentialParser.parse(headers("Authorization", "Bearer mF_9.B5f-4.1JqM/+~==")))
                .as("RFC 6750 b64token with padding")
                .contains(new PresentedCredential.Bearer("mF_9.B5f-4.1JqM/+~=="));
        assertThat(CredentialParser.parse(headers("X-API-Key", " sk_live_abc ")))
                .contains(new PresentedCredential.ApiKeyHeader("sk_live_abc"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Basic dXNlcjpwYXNz",
                "Bearer",
                "Bearer ",
                "Bearer a b",
                "Token abc",
                "Bearer abc\"def",
                "Bearer ab\u0000c",
                "Bearer sk_live_é",
                "Bearer ===",
                "Bearer a=b",
                "Bearer a\u00ffb"
            })
    void parseWhenAuthorizationMalformedThenInvalidAuthHeader(String value) {
        assertThatThrownBy(() -> CredentialParser.parse(headers("Authorization", value)))
                .isInstanceOfSatisfying(
                        AuthFailure.class, f -> assertThat(f.error()).isEqualTo(AuthError.INVALID_AUTH_HEADER));
    }

    @Test
    void parseWhenHeadersRepeatedOrBothKindsPresentThenInvalidAuthHeader() {
        MultivaluedMap<String, String> repeated = new MultivaluedHashMap<>();
        repeated.put("Authorization", List.of("Bearer a", "Bearer b"));

        assertThatThrownBy(() -> CredentialParser.parse(repeated)).isInstanceOf(AuthFailure.class);
        assertThatThrownBy(() -> CredentialParser.parse(headers("Authorization", "Bearer a", "X-API-Key", "b")))
                .isInstanceOf(AuthFailure.class);
    }

    @Test
    void parseWhenCredentialAbsurdlyLongThenRefusedBeforeAnyVerifier() {
        String huge = "a".repeat(CredentialParser.MAX_CREDENTIAL_LENGTH + 1);

        assertThatThrownBy(() -> CredentialParser.parse(headers("Authorization", "Bearer " + huge)))
                .isInstanceOf(AuthFailure.class);
        assertThatThrownBy(() -> CredentialParser.parse(headers("X-API-Key", huge)))
                .isInstanceOf(AuthFailure.class);
    }
}
