package io.commandpost.notification.escalation;

import java.time.Instant;
import java.util.List;

/** What happened to one alert occurrence's escalation (the paging aggregate's own facts). */
public sealed interface EscalationEvent {

    Instant at();

    /** An occurrence opened: escalation follows {@code policy} (a snapshot: later policy edits do not move it). */
    record Started(int occurrence, EscalationPolicy policy, Instant at) implements EscalationEvent {
    }

    /** A step's targets were paged. {@code round} 0 is the first pass through the steps. */
    record StepPaged(int step, int round, List<EscalationPolicy.Target> targets, String reason, Instant at)
            implements EscalationEvent {
    }

    record Acknowledged(String by, Instant at) implements EscalationEvent {
    }

    /** The acknowledgement was withdrawn, or timed out while the alert still fired. */
    record Unacknowledged(String by, Instant at) implements EscalationEvent {
    }

    /** Every step of every round was paged and nobody acknowledged: nothing more is paged. */
    record Exhausted(Instant at) implements EscalationEvent {
    }

    /** Resolved: nothing more is paged for this occurrence. */
    record Stopped(String by, Instant at) implements EscalationEvent {
    }
}
