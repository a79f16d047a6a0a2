package io.commandpost.incident.queue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.commandpost.incident.queue.ItemKind;
import io.commandpost.incident.queue.QueueActivity;
import io.commandpost.incident.queue.QueueItem;
import java.time.Instant;

/** One line of the queue as the HTTP contract shows it; a field that does not apply to the kind is left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueEntry(String kind, String id, String priority, String summary, String asker, Instant openedAt,
                         Integer occurrences, Boolean acknowledged, Instant acknowledgedAt, String acknowledgedBy,
                         String status, String owner, String lastActor, String lastAction, Instant lastActedAt,
                         Instant snoozedUntil, Instant closedAt) {

    /** With who owns it (claimed it, or received it in a handover) and who acted on it last. */
    static QueueEntry of(QueueItem item, QueueActivity activity) {
        QueueEntry entry = of(item);
        if (activity == null) {
            return entry;
        }
        return new QueueEntry(entry.kind, entry.id, entry.priority, entry.summary, entry.asker, entry.openedAt,
                entry.occurrences, entry.acknowledged, entry.acknowledgedAt, entry.acknowledgedBy, entry.status,
                activity.owner(), activity.lastActor(), activity.lastAction(), activity.lastActedAt(),
                activity.snoozedUntil(), entry.closedAt);
    }

    static QueueEntry of(QueueItem item) {
        boolean question = item.kind() == ItemKind.QUESTION;
        boolean alert = item.kind() == ItemKind.ALERT;
        return new QueueEntry(item.kind().name(), item.id(),
                item.priority() == null ? null : item.priority().name(),
                item.summary(),
                question ? item.asker() : null,
                item.openedAt(),
                alert ? item.occurrences() : null,
                alert ? item.isAcknowledged() : null,
                item.acknowledgedAt(),
                item.acknowledgedBy(),
                question ? null : item.status().name(),
                null, null, null, null, null, item.closedAt());
    }
}
