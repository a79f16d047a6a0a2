package io.commandpost.notification.delivery;

/** Where a notification is in its delivery. */
public enum DeliveryStatus {
    /** Waiting for its (next) attempt, or for its recipient to become known. */
    PENDING,
    /** The receiver acknowledged it (2xx). */
    SENT,
    /** Given up: attempts exhausted, rejected by the receiver, or nobody to page. */
    FAILED,
    /** Deliberately not sent (no announcement channel configured, handover already accepted). */
    SKIPPED
}
