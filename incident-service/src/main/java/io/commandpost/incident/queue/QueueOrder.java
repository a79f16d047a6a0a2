package io.commandpost.incident.queue;

import java.util.Comparator;

/**
 * The order the MRO works in: alerts always before incidents, incidents before questions; within a
 * kind the most urgent priority first, then the oldest, then by id so that the order is total.
 */
public final class QueueOrder {

    public static final Comparator<QueueItem> MRO = Comparator
            .comparing(QueueItem::kind)
            .thenComparing(QueueItem::priority, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(QueueItem::openedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(QueueItem::id);

    private QueueOrder() {
    }
}
