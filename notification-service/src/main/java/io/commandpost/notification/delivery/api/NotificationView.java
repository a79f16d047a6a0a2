package io.commandpost.notification.delivery.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.PageAlert;
import java.time.Instant;
import java.util.UUID;

/**
 * A notification as the API shows it.
 *
 * @param recipient handle of the person paged (null when nobody could be paged)
 * @param reason    why the last attempt failed (FAILED, or PENDING awaiting a retry)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationView(
        UUID notificationId,
        String team,
        String recipient,
        String channel,
        String subjectType,
        String subjectId,
        String status,
        int attempts,
        UUID triggeredBy,
        PageAlert alert,
        String reason,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        Instant completedAt) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.notificationId(), n.team(), n.recipientHandle(), n.channel(), n.subjectType(),
                n.subjectId(), n.status().name(), n.attempts(), n.triggeredBy(), n.alert(), n.lastError(),
                n.createdAt(), n.lastAttemptAt(), n.nextAttemptAt(), n.completedAt());
    }
}
