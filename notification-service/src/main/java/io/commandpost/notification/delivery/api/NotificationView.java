package io.commandpost.notification.delivery.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.PageAlert;
import java.time.Instant;
import java.util.UUID;

/**
 * A notification of any kind as the API shows it.
 *
 * @param kind      PAGE, REMINDER or ANNOUNCEMENT
 * @param recipient handle of the person notified (null for announcements, and while not resolved yet)
 * @param text      the text of a reminder or announcement once rendered
 * @param reason    why the last attempt failed (FAILED, or PENDING awaiting a retry) or why it was SKIPPED
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationView(
        UUID notificationId,
        String kind,
        String team,
        String recipient,
        String channel,
        String subjectType,
        String subjectId,
        String status,
        int attempts,
        UUID triggeredBy,
        PageAlert alert,
        String text,
        String reason,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        Instant resolveUntil,
        Instant completedAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.notificationId(), n.kind().name(), n.team(), n.recipientHandle(), n.channel(),
                n.subjectType(), n.subjectId(), n.status().name(), n.attempts(), n.triggeredBy(), n.alert(),
                n.message(), n.lastError(), n.createdAt(), n.lastAttemptAt(), n.nextAttemptAt(), n.resolveUntil(),
                n.completedAt());
    }
}
