package dev.latchkey.domain.workloadtoken;

import java.time.Instant;
import java.util.List;

/** Where workload-token signing keys are kept, encrypted; shared by every instance. */
public interface SigningKeyStore {

    void insert(StoredSigningKey key);

    /** Every key, oldest first. */
    List<StoredSigningKey> list();

    /** Marks a key retired (it stops signing; verifiers keep it until its tokens have expired). */
    void retire(String kid, Instant at);
}
