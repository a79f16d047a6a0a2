package io.commandpost.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Changes to systems (deploys, config pushes) that tools report: context for the MRO, never a page. */
public sealed interface ChangeEvent extends DomainEvent {

    UUID changeId();

    @Override
    default String aggregateId() {
        return changeId().toString();
    }

    /** A tool reported a change (PagerDuty's change events API). */
    record ChangeRecorded(
            UUID changeId,
            String team,
            String integration,
            String source,
            String summary,
            Map<String, Object> details,
            List<Link> links,
            Instant changedAt,
            Instant receivedAt) implements ChangeEvent {
    }
}
