package dev.latchkey.domain.actor;

/** What sort of caller an actor is. */
public enum ActorKind {
    HUMAN("human"),
    SERVICE("service"),
    AGENT("agent");

    private final String wireName;

    ActorKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
