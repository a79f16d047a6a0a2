package io.commandpost.incident.queue.api;

import io.commandpost.incident.queue.MroQueue;
import java.util.List;

/** {@code GET /v1/teams/{team}/queue}. */
public record QueueResponse(String team, List<QueueEntry> items) {

    static QueueResponse of(MroQueue queue) {
        return new QueueResponse(queue.team(), queue.items().stream().map(QueueEntry::of).toList());
    }
}
