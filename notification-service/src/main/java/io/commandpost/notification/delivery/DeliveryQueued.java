package io.commandpost.notification.delivery;

/** A PENDING delivery of this kind was stored; observed after its transaction commits to wake its lane. */
public record DeliveryQueued(DeliveryKind kind) {
}
