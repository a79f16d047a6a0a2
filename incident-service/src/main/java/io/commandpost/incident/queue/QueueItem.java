package io.commandpost.incident.queue;

import io.commandpost.events.Priority;
import java.time.Instant;

/**
 * One thing in a team's MRO queue, as the events made it.
 *
 * @param priority     null for questions
 * @param asker        who asked (questions) or declared (incidents); null for alerts
 * @param openedAt     when the current occurrence began; null for an alert only ever seen resolved
 * @param occurrences  firings of the current alert occurrence (1 for other kinds)
 * @param lastStartsAt the latest startsAt of the current (or last resolved) alert occurrence; a firing
 *                     that does not start after it belongs to that occurrence
 * @param closedAt     when it was resolved (the alert's endsAt); null while open
 * @param acknowledgedAt when a sender first acknowledged the current (or last resolved) alert occurrence;
 *                     null if it was not, and always for other kinds
 * @param acknowledgedBy who acknowledged it: a person's handle or {@code tool:<integration>}; null if nobody
 * @param resolvedBy     who resolved it: a person's handle or {@code tool:<integration>}; null while open
 */
public record QueueItem(
        ItemKey key,
        ItemStatus status,
        Priority priority,
        String summary,
        String asker,
        Instant openedAt,
        int occurrences,
        Instant lastStartsAt,
        Instant closedAt,
        Instant acknowledgedAt,
        String acknowledgedBy,
        String resolvedBy) {

    public ItemKind kind() {
        return key.kind();
    }

    public String team() {
        return key.team();
    }

    public String id() {
        return key.id();
    }

    public boolean isOpen() {
        return status == ItemStatus.OPEN;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }
}
