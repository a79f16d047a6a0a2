package io.commandpost.incident.queue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.commandpost.incident.queue.ItemKind;
import io.commandpost.incident.queue.QueueItem;
import java.time.Instant;

/** One line of the queue as the HTTP contract shows it; a field that does not apply to the kind is left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueEntry(String kind, String id, String priority, String summary, String asker, Instant openedAt,
                         Integer occurrences, Boolean acknowledged, Instant acknowledgedAt, String acknowledgedBy,
                         String status) {

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
                question ? null : item.status().name());
    }
}
