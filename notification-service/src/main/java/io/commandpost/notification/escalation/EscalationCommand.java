package io.commandpost.notification.escalation;

/** What can happen to an alert occurrence's escalation from outside its own timer. */
public sealed interface EscalationCommand {

    /**
     * The shared lifecycle opened occurrence {@code occurrence} (first firing, or a firing after a resolve), in
     * Alertmanager group {@code group} (groupKey and request; null for other sources).
     */
    record Open(String team, String dedupKey, int occurrence, String group) implements EscalationCommand {
        public Open(String team, String dedupKey, int occurrence) {
            this(team, dedupKey, occurrence, null);
        }
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
