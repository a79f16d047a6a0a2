package io.commandpost.events.lifecycle;

import io.commandpost.events.Priority;
import java.time.Instant;

/**
 * One alert (team + dedup key) as its events made it: the state of {@link AlertLifecycle}.
 *
 * @param occurrence     how many occurrences were opened; 0 for an alert only ever seen resolved
 * @param openedAt       when the current (or last) occurrence started; null when none was opened
 * @param lastStartsAt   the latest start of a firing of the current (or last) occurrence: a firing that does
 *                       not start after it is a copy of that occurrence
 * @param firings        firings of the current occurrence (its first included)
 * @param priority       the most urgent priority the occurrence fired with
 * @param summary        the latest summary
 * @param acknowledgedAt when the current occurrence was acknowledged; null while it is not
 * @param acknowledgedBy who acknowledged it: a person's handle, or {@code tool:<integration>}
 * @param resolvedAt     when it closed (the tool's {@code endsAt}, or the person's resolve); null while open
 * @param resolvedBy     who closed it: a person's handle, or {@code tool:<integration>}
 * @param notes          notes added to the current occurrence
 * @param escalatedAt    when a person last asked to escalate the current occurrence now; null if never
 * @param escalatedBy    who did
 */
public record AlertState(
        String team,
        String dedupKey,
        AlertStatus status,
        int occurrence,
        Instant openedAt,
        Instant lastStartsAt,
        int firings,
        Priority priority,
        String summary,
        Instant acknowledgedAt,
        String acknowledgedBy,
        Instant resolvedAt,
        String resolvedBy,
        int notes,
        Instant escalatedAt,
        String escalatedBy) {

    /** How a monitoring tool is named where a person's handle would be. */
    public static String tool(String integration) {
        return "tool:" + integration;
    }

    public boolean isOpen() {
        return status == AlertStatus.OPEN;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    /** True when a person (not the tool) closed it. */
    public boolean resolvedByPerson() {
        return resolvedBy != null && !resolvedBy.startsWith("tool:");
    }
}
