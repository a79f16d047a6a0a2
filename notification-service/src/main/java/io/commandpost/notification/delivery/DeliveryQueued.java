package io.commandpost.notification.delivery;

import java.time.Instant;

/**
 * A PENDING delivery of this kind was stored; observed after its transaction commits to wake its lane.
 *
 * @param createdAt when the delivery was created (for {@link DeliveryMetrics}: how long its transaction went on)
 */
public record DeliveryQueued(DeliveryKind kind, Instant createdAt) {
}
