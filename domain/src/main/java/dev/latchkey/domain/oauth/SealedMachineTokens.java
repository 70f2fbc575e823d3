package dev.latchkey.domain.oauth;

import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.token.RevokedTokenStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A machine client's own opaque access tokens ({@code client_credentials}), sealed instead of
 * stored: {@code <prefix>oat_m1.<payload>.<mac>}, where the payload says what the token grants (its
 * id, client, workspace, scopes, resource, issue and expiry time) and the MAC is HMAC-SHA256 under a
 * key only Latchkey's instances hold (derived from the user-token secret they all share, and the
 * issuer). Issuing one writes nothing: a machine may ask for a token per job, and a row per token
 * would be a database write per request for a record nobody but the token's holder uses — no person
 * lists, refreshes or reviews a machine's tokens.
 *
 * <p>What a stored token's row did, the live facts still do: the client must exist, in the
 * workspace the token names ({@link MachineClientPrincipals}: deleting it ends its tokens), and
 * revoking one (RFC 7009) records its id among the revoked tokens until it would have expired.
 * Nothing in a payload is trusted before its MAC is checked, in constant time; a payload is never
 * secret (like an RFC 9068 JWT's claims, it tells its holder only what the holder asked for).
 * Changing the user-token secret ends every sealed token, as it ends every user token.
 */
public final class SealedMachineTokens {
    private static final String VERSION = "m1.";
    private static final String KEY_LABEL = "latchkey sealed machine access tokens v1\n";
    /** Far above any token this issues (a client id, a workspace id, scopes and a resource of at most 2,000 characters each). */
    private static final int MAX_LENGTH = 16 * 1024;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String marker;
    private final SecretKeySpec key;
    private final RevokedTokenStore revoked;
    private final ThreadLocal<Mac> macs;

    /**
     * @param secret the user-token secret (at least 32 bytes), shared by every instance
     * @param issuer this authorization server: a token sealed for another issuer does not open here
     * @param accessTokenPrefix {@link OAuthSettings#accessTokenPrefix()}
     */
    public SealedMachineTokens(byte[] secret, String issuer, String accessTokenPrefix, RevokedTokenStore revoked) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the sealing secret must be at least 32 bytes");
        }
        this.marker = accessTokenPrefix + VERSION;
        this.revoked = revoked;
        this.key = new SecretKeySpec(
                hmac(new SecretKeySpec(secret, "HmacSHA256"), (KEY_LABEL + issuer).getBytes(StandardCharsets.UTF_8)),
                "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
    }

    /** Whether {@code value} has this format; says nothing of whether it is genuine. */
    public boolean holds(String value) {
        return value.startsWith(marker);
    }

    /** The text of a new token: what it grants, sealed. */
    String seal(
            String id,
            String clientId,
            String workspaceId,
            ScopeSet scopes,
            String resource,
            Instant issuedAt,
            Instant expiresAt) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(160);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(id);
            out.writeUTF(clientId);
            out.writeUTF(workspaceId);
            out.writeUTF(scopes.toSpaceSeparated());
            out.writeUTF(resource);
            out.writeLong(issuedAt.toEpochMilli());
            out.writeLong(expiresAt.toEpochMilli());
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        String head = marker + ENCODER.encodeToString(bytes.toByteArray());
        return head + "." + ENCODER.encodeToString(mac(head));
    }

    /**
     * The token {@code value} seals, when its MAC is this server's and it was not revoked; expiry is
     * the caller's to check ({@link OAuthToken#accessUsableAt}). Anything else — another format, a
     * changed byte, another server's key — is empty.
     */
    Optional<OAuthToken> find(String value) {
        return open(value).filter(token -> !revoked.isRevoked(token.id()));
    }

    /** Records {@code token} as revoked until it would have expired. */
    void revoke(OAuthToken token) {
        revoked.revoke(token.id(), token.clientId(), token.accessExpiresAt());
    }

    /** The token {@code value} seals when its MAC is genuine, revoked or not. */
    Optional<OAuthToken> open(String value) {
        if (!holds(value) || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = value.lastIndexOf('.');
        if (dot < marker.length()) {
            return Optional.empty();
        }
        String head = value.substring(0, dot);
        // Compared as text, not decoded: base64's spare bits would let two spellings carry one MAC.
        byte[] expected = ENCODER.encode(mac(head));
        byte[] presented = value.substring(dot + 1).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(presented, expected)) {
            return Optional.empty();
        }
        return Optional.of(read(DECODER.decode(head.substring(marker.length())), value));
    }

    /** A payload under a genuine MAC was written by {@link #seal}: a failure to read it is a bug, not input. */
    private static OAuthToken read(byte[] payload, String value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            String id = in.readUTF();
            String clientId = in.readUTF();
            String workspaceId = in.readUTF();
            ScopeSet scopes = ScopeSet.parseSpaceSeparated(in.readUTF());
            String resource = in.readUTF();
            Instant issuedAt = Instant.ofEpochMilli(in.readLong());
            Instant expiresAt = Instant.ofEpochMilli(in.readLong());
            if (in.available() != 0) {
                throw new IllegalStateException("a sealed machine token has trailing bytes");
            }
            return new OAuthToken(
                    id,
                    id,
                    clientId,
                    Optional.empty(),
                    workspaceId,
                    scopes,
                    scopes,
                    resource,
                    TokenHashes.of(value),
                    expiresAt,
                    Optional.empty(),
                    expiresAt,
                    issuedAt,
                    Optional.empty(),
                    Optional.empty());
        } catch (IOException e) {
            throw new IllegalStateException("a sealed machine token under a genuine MAC does not read", e);
        }
    }

    private byte[] mac(String head) {
        return macs.get().doFinal(head.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        return newMac(key).doFinal(message);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
