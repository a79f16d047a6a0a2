package io.commandpost.notification.digest;

import java.time.Instant;

/**
 * An alert, incident or question as the overnight digest lists it.
 *
 * @param kind      {@code alert}, {@code incident} or {@code question}
 * @param id        dedup key (alert), incident id or question id
 * @param closedAt  when it was resolved, answered, closed or turned into an incident; null while open
 * @param link      where a person opens it
 */
public record DigestItem(String kind, String id, String title, Instant arrivedAt, Instant closedAt, String link) {

    public static final String ALERT = "alert";
    public static final String INCIDENT = "incident";
    public static final String QUESTION = "question";

    boolean arrivedWithin(Instant since, Instant until) {
        return arrivedAt != null && !arrivedAt.isBefore(since) && arrivedAt.isBefore(until);
    }

    boolean closedWithin(Instant since, Instant until) {
        return closedAt != null && !closedAt.isBefore(since) && closedAt.isBefore(until);
    }

    boolean openAt(Instant instant) {
        return arrivedAt != null && arrivedAt.isBefore(instant) && (closedAt == null || !closedAt.isBefore(instant));
    }
}
