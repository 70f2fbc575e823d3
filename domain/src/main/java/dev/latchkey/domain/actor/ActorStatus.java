package dev.latchkey.domain.actor;

/** Whether an actor may act at all; an inactive actor's credentials authenticate nothing. */
public enum ActorStatus {
    ACTIVE,
    INACTIVE
}
