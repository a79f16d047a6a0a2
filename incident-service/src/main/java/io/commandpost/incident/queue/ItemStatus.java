package io.commandpost.incident.queue;

/** Whether an item still waits in the queue. */
public enum ItemStatus {
    OPEN, RESOLVED
}
