package io.commandpost.incident.queue;

import java.util.Collection;
import java.util.List;

/** A team's queue: its open items in {@link QueueOrder#MRO} order. */
public record MroQueue(String team, List<QueueItem> items) {

    public static MroQueue of(String team, Collection<QueueItem> candidates) {
        return new MroQueue(team, candidates.stream()
                .filter(item -> item.team().equals(team) && item.isOpen())
                .sorted(QueueOrder.MRO)
                .toList());
    }
}
