package io.commandpost.events;

import java.time.Instant;
import java.util.UUID;

/** Deliveries to people (pages, messages) and their outcome. */
public sealed interface NotificationEvent extends DomainEvent {

    UUID notificationId();

    @Override
    default String aggregateId() {
        return notificationId().toString();
    }

    /**
     * A notification reached its channel.
     *
     * @param subjectType what it is about ({@code alert}, {@code question}, {@code shift} …)
     * @param subjectId   the subject's id (an alert's dedup key …)
     * @param triggeredBy the event id that caused the notification
     */
    record NotificationSent(
            UUID notificationId,
            String team,
            String recipient,
            String channel,
            String subjectType,
            String subjectId,
            UUID triggeredBy,
            int attempts,
            Instant sentAt) implements NotificationEvent {
    }

    /** Every attempt failed; the last reason is kept. */
    record NotificationFailed(
            UUID notificationId,
            String team,
            String recipient,
            String channel,
            String subjectType,
            String subjectId,
            UUID triggeredBy,
            int attempts,
            String reason,
            Instant failedAt) implements NotificationEvent {
    }
}
