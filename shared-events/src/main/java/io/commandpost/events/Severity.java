package io.commandpost.events;

/**
 * An incident's severity, SEV1 (worst) to SEV4. What each one means is configured per installation;
 * the queue ranks an incident by the priority its severity maps to (SEV1 → P1 … SEV4 → P4).
 */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4;

    public Priority priority() {
        return Priority.values()[ordinal()];
    }
}
