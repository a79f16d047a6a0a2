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
}
