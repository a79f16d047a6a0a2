package io.commandpost.notification.paging;

import io.commandpost.notification.delivery.DeliveryStatus;
import java.util.UUID;

/** An alert that is open for a team, and the status of the page sent for it. */
public record OpenPage(UUID notificationId, DeliveryStatus status) {
}
