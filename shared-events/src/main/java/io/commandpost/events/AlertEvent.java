package io.commandpost.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alerts from monitoring tools. The aggregate id is the dedup key. */
public sealed interface AlertEvent extends DomainEvent {

    String team();

    String dedupKey();

    @Override
    default String aggregateId() {
        return dedupKey();
    }

    /** An alert fired (or fired again) at an integration. */
    record AlertReceived(
            String team,
            String integration,
            String source,
            String dedupKey,
            Priority priority,
            String summary,
            Map<String, Object> details,
            Map<String, String> labels,
            List<Link> links,
            Instant startsAt,
            Instant receivedAt) implements AlertEvent {
    }

    /** Someone acknowledged the alert in a monitoring tool (PagerDuty's {@code acknowledge}). */
    record AlertAcknowledged(
            String team,
            String integration,
            String source,
            String dedupKey,
            Instant receivedAt) implements AlertEvent {
    }

    /** The monitoring tool said the condition behind the alert is over. */
    record AlertResolved(
            String team,
            String integration,
            String source,
            String dedupKey,
            Instant endsAt,
            Instant receivedAt) implements AlertEvent {
    }

    /*
     * What people did about an alert (not the monitoring tool: see AlertAcknowledged / AlertResolved for
     * the tool's own word). Each names the person and the channel they used ({@code api}, {@code slack},
     * {@code console}); notification-service records them in the alert's paging stream and publishes them on
     * the alerts topic keyed by dedup key, like the tool's events.
     */

    /** A person took the alert: escalation stops until the acknowledgement times out or is withdrawn. */
    record AlertAcknowledgedBy(
            String team,
            String dedupKey,
            String person,
            String via,
            Instant acknowledgedAt) implements AlertEvent {
    }

    /** A person gave an acknowledged alert back: escalation starts again from its first step. */
    record AlertUnacknowledgedBy(
            String team,
            String dedupKey,
            String person,
            String via,
            Instant unacknowledgedAt) implements AlertEvent {
    }

    /**
     * A person closed the alert, whether or not the tool says it is over. The tool's later resolve of the
     * same occurrence is recorded without effect; a firing that starts later opens a new occurrence.
     */
    record AlertResolvedBy(
            String team,
            String dedupKey,
            String person,
            String via,
            Instant resolvedAt) implements AlertEvent {
    }

    /** A person wrote a note on the alert. */
    record AlertNoteAdded(
            String team,
            String dedupKey,
            java.util.UUID noteId,
            String person,
            String via,
            String text,
            Instant addedAt) implements AlertEvent {
    }

    /** A person asked for the next escalation step now instead of waiting for its delay. */
    record AlertEscalatedBy(
            String team,
            String dedupKey,
            String person,
            String via,
            Instant escalatedAt) implements AlertEvent {
    }
}
