package io.commandpost.notification.delivery;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.Link;
import io.commandpost.events.Priority;
import java.time.Instant;
import java.util.List;

/** The part of an alert a page carries (the {@code alert} object of the webhook body). */
public record PageAlert(String dedupKey, Priority priority, String summary, Instant startsAt, List<Link> links) {

    public static PageAlert of(AlertEvent.AlertReceived received) {
        return new PageAlert(received.dedupKey(), received.priority(), received.summary(), received.startsAt(),
                received.links() == null ? List.of() : received.links());
    }
}
