package io.commandpost.incident.queue.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.commandpost.incident.queue.ItemKind;
import io.commandpost.incident.queue.QueueActivity;
import io.commandpost.incident.queue.QueueItem;
import java.time.Instant;

/** {@code GET /v1/teams/{team}/queue/{kind}/{id}}: one item, open or not; acknowledged only for alerts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueItemDetail(String team, String kind, String id, String status, String priority, String summary,
                              String asker, Instant openedAt, int occurrences, Instant lastStartsAt,
                              Instant closedAt, Boolean acknowledged, Instant acknowledgedAt,
                              String acknowledgedBy, String resolvedBy, String owner, String lastActor,
                              String lastAction, Instant lastActedAt, Instant snoozedUntil) {

    static QueueItemDetail of(QueueItem item, QueueActivity activity) {
        QueueActivity a = activity != null ? activity : QueueActivity.none(item.key());
        return new QueueItemDetail(item.team(), item.kind().name(), item.id(), item.status().name(),
                item.priority() == null ? null : item.priority().name(), item.summary(), item.asker(),
                item.openedAt(), item.occurrences(), item.lastStartsAt(), item.closedAt(),
                item.kind() == ItemKind.ALERT ? item.isAcknowledged() : null, item.acknowledgedAt(),
                item.acknowledgedBy(), item.resolvedBy(), a.owner(), a.lastActor(), a.lastAction(), a.lastActedAt(),
                a.snoozedUntil());
    }
}
