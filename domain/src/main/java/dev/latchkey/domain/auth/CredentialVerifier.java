package dev.latchkey.domain.auth;

/**
 * Verifies one kind of credential. {@link AuthenticateRequest} asks each verifier in turn whether
 * the presented value looks like its kind (a cheap syntactic check), and hands it to the first that
 * says yes; no other code branches on credential kinds.
 */
public interface CredentialVerifier {

    /** The kind of credential this verifier proves. */
    CredentialKind kind();

    /** Whether the value has this verifier's shape (prefix, header, token type); no I/O. */
    boolean recognises(PresentedCredential credential);

    /**
     * Verifies the credential and returns the principal it proves.
     *
     * @throws dev.latchkey.domain.error.AuthFailure when it proves nothing, or when the check
     *     cannot run ({@code identity_provider_unavailable})
     */
    Principal verify(PresentedCredential credential);
}
