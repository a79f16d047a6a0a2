package io.commandpost.notification.delivery;

import io.commandpost.notification.oncall.Recipient;
import java.time.Instant;
import java.util.UUID;

/**
 * The JSON a page receiver gets. {@code notificationId} is the same on every retry: receivers dedupe on
 * it because delivery is at-least-once. {@code kind} tells a page from a reminder on the same webhook.
 */
public record PageBody(UUID notificationId, String kind, String team, Recipient recipient, PageAlert alert,
                       UUID triggeredBy, Instant sentAt) {

    public static PageBody of(Notification notification, Instant sentAt) {
        return new PageBody(notification.notificationId(), "page", notification.team(), notification.recipient(),
                notification.alert(), notification.triggeredBy(), sentAt);
    }
}
