package io.commandpost.incident.queue.api;

import io.commandpost.incident.queue.ItemKey;
import io.commandpost.incident.queue.QueueActivity;
import io.commandpost.incident.queue.QueueFilter;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/teams/{team}/queue}: one page of the open queue, in the MRO's order. */
public record QueueResponse(String team, List<QueueEntry> items, int page, int size, int total) {

    static QueueResponse of(String team, QueueFilter.Page page, Map<ItemKey, QueueActivity> activities) {
        return new QueueResponse(team, page.items().stream()
                .map(item -> QueueEntry.of(item, activities.get(item.key()))).toList(),
                page.page(), page.size(), page.total());
    }
}
