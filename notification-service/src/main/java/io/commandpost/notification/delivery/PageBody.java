package io.commandpost.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.commandpost.events.EventJson;
import io.commandpost.notification.oncall.Recipient;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/**
 * The JSON a receiver gets. {@code notificationId} is the same on every retry: receivers dedupe on it
 * because delivery is at-least-once.
 */
public record PageBody(UUID notificationId, String team, Recipient recipient, PageAlert alert, UUID triggeredBy,
                       Instant sentAt) {

    public static PageBody of(Notification notification, Instant sentAt) {
        return new PageBody(notification.notificationId(), notification.team(), notification.recipient(),
                notification.alert(), notification.triggeredBy(), sentAt);
    }

    public byte[] toBytes() {
        try {
            return EventJson.mapper().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
