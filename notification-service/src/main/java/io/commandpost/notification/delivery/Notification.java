package io.commandpost.notification.delivery;

import io.commandpost.events.NotificationEvent;
import io.commandpost.notification.oncall.Recipient;
import java.time.Instant;
import java.util.UUID;

/**
 * One page and its delivery state.
 *
 * @param recipient   null when nobody could be paged
 * @param triggeredBy the event id of the alert that caused the page
 */
public record Notification(
        UUID notificationId,
        String team,
        Recipient recipient,
        String channel,
        String subjectType,
        String subjectId,
        PageAlert alert,
        UUID triggeredBy,
        UUID correlationId,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant completedAt) {

    public static final String CHANNEL = "webhook";
    public static final String SUBJECT_ALERT = "alert";

    /** A page waiting for its first attempt, due at once. */
    public static Notification pending(UUID notificationId, String team, Recipient recipient, PageAlert alert,
                                       UUID triggeredBy, UUID correlationId, Instant now) {
        return new Notification(notificationId, team, recipient, CHANNEL, SUBJECT_ALERT, alert.dedupKey(), alert,
                triggeredBy, correlationId, DeliveryStatus.PENDING, 0, now, null, now, null, null);
    }

    /** A page that failed before any attempt (nobody to send it to). */
    public static Notification failedUpfront(UUID notificationId, String team, PageAlert alert, UUID triggeredBy,
                                             UUID correlationId, String reason, Instant now) {
        return new Notification(notificationId, team, null, CHANNEL, SUBJECT_ALERT, alert.dedupKey(), alert,
                triggeredBy, correlationId, DeliveryStatus.FAILED, 0, null, reason, now, null, now);
    }

    public String recipientHandle() {
        return recipient == null ? null : recipient.handle();
    }

    public NotificationEvent.NotificationSent sent(int attempts, Instant sentAt) {
        return new NotificationEvent.NotificationSent(notificationId, team, recipientHandle(), channel, subjectType,
                subjectId, triggeredBy, attempts, sentAt);
    }

    public NotificationEvent.NotificationFailed failed(int attempts, String reason, Instant failedAt) {
        return new NotificationEvent.NotificationFailed(notificationId, team, recipientHandle(), channel,
                subjectType, subjectId, triggeredBy, attempts, reason, failedAt);
    }
}
