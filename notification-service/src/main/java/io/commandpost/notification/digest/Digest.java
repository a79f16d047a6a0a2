package io.commandpost.notification.digest;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The overnight digest: of a team's alerts, incidents and questions, what arrived and what closed between
 * {@code since} and {@code until}, and what is still open at {@code until}. Pure, no I/O. Each list is
 * ordered alerts, incidents, questions, then by arrival, then by id.
 */
public record Digest(Instant since, Instant until, List<DigestItem> arrived, List<DigestItem> closed,
                     List<DigestItem> stillOpen) {

    private static final List<String> KIND_ORDER = List.of(DigestItem.ALERT, DigestItem.INCIDENT, DigestItem.QUESTION);
    private static final Comparator<DigestItem> ORDER = Comparator
            .comparingInt((DigestItem item) -> KIND_ORDER.indexOf(item.kind()))
            .thenComparing(DigestItem::arrivedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(DigestItem::id);

    public static Digest of(Instant since, Instant until, Collection<DigestItem> items) {
        return new Digest(since, until,
                select(items, item -> item.arrivedWithin(since, until)),
                select(items, item -> item.closedWithin(since, until)),
                select(items, item -> item.openAt(until)));
    }

    /** Nothing arrived, nothing closed, nothing open. */
    public boolean quiet() {
        return arrived.isEmpty() && closed.isEmpty() && stillOpen.isEmpty();
    }

    private static List<DigestItem> select(Collection<DigestItem> items, Predicate<DigestItem> keep) {
        return items.stream().filter(keep).sorted(ORDER).toList();
    }
}
