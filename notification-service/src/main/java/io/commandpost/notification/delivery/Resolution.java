package io.commandpost.notification.delivery;

import io.commandpost.notification.oncall.Recipient;

/** What a delivery that is not resolved yet does at its next turn. */
public sealed interface Resolution {

    /** Recipient and text are known (either may be null where the kind has none): attempt it now. */
    record Ready(Recipient recipient, String message) implements Resolution {
    }

    /** The on-call projection does not know enough yet and the grace period is still running. */
    record Wait() implements Resolution {
    }

    /** It can never be delivered: recorded as FAILED with NotificationFailed. */
    record GiveUp(String reason) implements Resolution {
    }

    /** No longer wanted (e.g. the handover was accepted meanwhile): recorded as SKIPPED. */
    record Skip(String reason) implements Resolution {
    }
}
