package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What Jetty and other libraries print at DEBUG and TRACE reaches the log with its credentials masked. */
class CredentialMaskingTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Authorization: Bearer sk_live_AbCdEfGh12345678ZyXwVu|AbCdEfGh12345678ZyXwVu",
                "authorization=Basic Y2xpZW50OnNlY3JldA==|Y2xpZW50OnNlY3JldA",
                "X-API-Key: sk_live_AbCdEfGh12345678ZyXwVu|AbCdEfGh12345678",
                "Cookie: latchkey_session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3IifQ.c2ln|eyJzdWIiOiJ1c3IifQ",
                "email=ana%40example.com&password=correct+horse+battery|correct+horse",
                "{\"workload_id\":\"wl_1\",\"workload_secret\":\"wk_SeCrEt0123456789\"}|SeCrEt0123456789",
                "grant_type=refresh_token&refresh_token=lk_ort_AbC123xyz&client_id=c|AbC123xyz",
                "token lk_oat_ZZZZyyyyXXXX presented|ZZZZyyyyXXXX",
                "content jn.DirectByteBufferR@4164d4c3[p=0,l=194,c=8192,r=194]={<<<POST /auth/login...word\":\"hunter2hunter2\"}>>>emaining:...}|hunter2hunter2",
                "grant_type=authorization_code&code=a1b2c3d4e5f6&code_verifier=vvvvvvvvvvvvvvvvvvvvvvvvvv|a1b2c3d4e5f6",
                "grant_type=authorization_code&code=a1b2c3d4e5f6&code_verifier=vvvvvvvvvvvvvvvvvvvvvvvvvv|vvvvvvvvvvvvvvvvvvvvvv",
                "{\"message\":\"body {\\\"password\\\":\\\"hunter2hunter2\\\"}\"}|hunter2hunter2"
            })
    void aCredentialInAnyLoggedLineIsMasked(String line, String secret) {
        String masked = CredentialMasking.mask("DEBUG [2026-12-01] org.eclipse.jetty.server.HttpChannel: " + line);
        assertThat(masked).doesNotContain(secret).contains("***");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Latchkey ready: application 0.0.0.0:8080; admin 127.0.0.1:8081",
                "GET /records/42 HTTP/1.1 200 key_RUOK9qv2fI1mpsCUo4Gj",
                "rejected kind=api_key code=invalid_api_key",
                "{\"message\":\"denied kind=jwt credential=jti_1 code=insufficient_scope\"}"
            })
    void anOrdinaryLineIsLeftAlone(String line) {
        assertThat(CredentialMasking.mask(line)).isEqualTo(line);
    }
}
