package io.commandpost.incident.queue;

/** What the MRO is asked to look at; the declaration order is the queue's order between kinds. */
public enum ItemKind {
    ALERT, INCIDENT, QUESTION
}
