package dev.latchkey.benchmarks;

import java.security.Key;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.jose4j.jwk.OkpJwkGenerator;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.EllipticCurves;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a workload token's signature costs to make and to check, per algorithm, with jose4j on this
 * JDK: RS256 (2048-bit, today's), ES256 (P-256) and EdDSA (Ed25519). Signing is paid once per token
 * issued; verification once per token per revalidation window on every resource that checks it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SignatureAlgorithmBenchmark {
    private static final String PAYLOAD = "{\"iss\":\"latchkey\",\"aud\":\"latchkey-internal\",\"sub\":\"wl_bench\","
            + "\"act\":{\"sub\":\"usr_bench\"},\"grant_id\":\"grant_bench\",\"tenant_id\":\"ws_bench\","
            + "\"scope\":\"records:read\",\"jti\":\"wjti_0123456789\",\"iat\":1764580000,\"exp\":1764580300}";

    @Param({"RS256", "ES256", "EdDSA"})
    public String algorithm;

    private Key signingKey;
    private Key verificationKey;
    private String signed;

    @Setup
    public void setUp() throws Exception {
        PublicJsonWebKey key = switch (algorithm) {
            case "RS256" -> RsaJwkGenerator.generateJwk(2048);
            case "ES256" -> EcJwkGenerator.generateJwk(EllipticCurves.P256);
            default -> OkpJwkGenerator.generateJwk(OctetKeyPairJsonWebKey.SUBTYPE_ED25519);
        };
        signingKey = key.getPrivateKey();
        verificationKey = key.getPublicKey();
        signed = sign();
    }

    @Benchmark
    public String sign() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(PAYLOAD);
        jws.setKey(signingKey);
        jws.setAlgorithmHeaderValue(
                switch (algorithm) {
                    case "RS256" -> AlgorithmIdentifiers.RSA_USING_SHA256;
                    case "ES256" -> AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;
                    default -> AlgorithmIdentifiers.EDDSA;
                });
        return jws.getCompactSerialization();
    }

    @Benchmark
    public boolean verify() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(signed);
        jws.setKey(verificationKey);
        return jws.verifySignature();
    }
}
