package io.commandpost.notification.escalation;

/** What can happen to an alert occurrence's escalation from outside its own timer. */
public sealed interface EscalationCommand {

    /** The shared lifecycle opened occurrence {@code occurrence} (first firing, or a firing after a resolve). */
    record Open(String team, String dedupKey, int occurrence) implements EscalationCommand {
    }

    record Acknowledge(String by) implements EscalationCommand {
    }

    record Unacknowledge(String by) implements EscalationCommand {
    }

    record Resolve(String by) implements EscalationCommand {
    }

    /** A person asked for the next step now. */
    record EscalateNow(String by) implements EscalationCommand {
    }

    /** Every delivery of a step failed for good: the next step is paged at once. */
    record DeliveryFailed(int step, int round) implements EscalationCommand {
    }
}
