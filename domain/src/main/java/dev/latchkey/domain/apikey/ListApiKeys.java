package dev.latchkey.domain.apikey;

import java.util.List;

/** The workspace's keys, newest first, without secrets (there are none to show). */
public final class ListApiKeys {
    private final ApiKeyStore keys;

    public ListApiKeys(ApiKeyStore keys) {
        this.keys = keys;
    }

    public List<ApiKey> execute(String workspaceId) {
        return keys.listByWorkspace(workspaceId);
    }
}
