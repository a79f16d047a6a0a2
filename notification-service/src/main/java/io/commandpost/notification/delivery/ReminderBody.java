package io.commandpost.notification.delivery;

import io.commandpost.notification.oncall.Recipient;
import java.time.Instant;
import java.util.UUID;

/** A personal reminder on the page webhook (e.g. "Please accept the handover from Bob (3 open items)"). */
public record ReminderBody(UUID notificationId, String kind, String team, Recipient recipient, String subjectType,
                           String subjectId, String text, UUID triggeredBy, Instant sentAt) {

    public static ReminderBody of(Notification notification, Instant sentAt) {
        return new ReminderBody(notification.notificationId(), "reminder", notification.team(),
                notification.recipient(), notification.subjectType(), notification.subjectId(),
                notification.message(), notification.triggeredBy(), sentAt);
    }
}
