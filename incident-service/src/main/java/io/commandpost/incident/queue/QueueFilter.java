package io.commandpost.incident.queue;

import io.commandpost.events.Priority;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which open items of a queue a reader wants: every criterion is optional; the order stays the MRO's
 * ({@link QueueOrder#MRO}), and a page is cut from it.
 *
 * @param acknowledged alerts acknowledged (true) or not (false); other kinds have no acknowledgement and
 *                     are left out when it is given
 * @param since        items opened at or after it
 */
public record QueueFilter(ItemKind kind, Priority priority, Boolean acknowledged, Instant since) {

    public static final QueueFilter ALL = new QueueFilter(null, null, null, null);

    public boolean test(QueueItem item) {
        return (kind == null || item.kind() == kind)
                && (priority == null || item.priority() == priority)
                && (acknowledged == null || item.kind() == ItemKind.ALERT && item.isAcknowledged() == acknowledged)
                && (since == null || item.openedAt() != null && !item.openedAt().isBefore(since));
    }

    /** One page of the queue (pages count from 0) and how many items match in all. */
    public record Page(List<QueueItem> items, int page, int size, int total) {
    }

    public Page page(MroQueue queue, int page, int size) {
        Predicate<QueueItem> wanted = this::test;
        List<QueueItem> matching = queue.items().stream().filter(wanted).toList();
        int from = (int) Math.min((long) page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        return new Page(matching.subList(from, to), page, size, matching.size());
    }
}
