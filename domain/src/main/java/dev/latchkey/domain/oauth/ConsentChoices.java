package dev.latchkey.domain.oauth;

import dev.latchkey.domain.scope.ScopeSet;
import dev.latchkey.domain.user.User;
import java.util.List;

/** What the consent page offers a person: the workspaces they may authorize the client in, with the scopes each would grant. */
public record ConsentChoices(User user, List<Workspace> workspaces) {

    /** One workspace the person is an active member of, and what approving there would grant. */
    public record Workspace(String id, String name, ScopeSet grantable) {}

    public ConsentChoices {
        workspaces = List.copyOf(workspaces);
    }
}
