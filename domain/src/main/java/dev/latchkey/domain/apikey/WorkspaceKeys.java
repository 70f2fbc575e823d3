package dev.latchkey.domain.apikey;

import dev.latchkey.domain.error.RequestRejected;

/** Looks up a key by id within one workspace; another workspace's key is "not found", never "forbidden". */
final class WorkspaceKeys {

    private WorkspaceKeys() {}

    static ApiKey find(ApiKeyStore keys, String workspaceId, String keyId) {
        return keys.findById(keyId)
                .filter(key -> key.workspaceId().equals(workspaceId))
                .orElseThrow(() -> RequestRejected.notFound("API key " + keyId));
    }
}
