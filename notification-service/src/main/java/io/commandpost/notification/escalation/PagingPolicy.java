package io.commandpost.notification.escalation;

import java.time.Duration;

/**
 * A team's paging: how alerts escalate and how long a person's flood window is (zero: every alert pages).
 */
public record PagingPolicy(EscalationPolicy escalation, Duration floodWindow) {

    public static final Duration DEFAULT_FLOOD_WINDOW = Duration.ofMinutes(1);

    public PagingPolicy {
        if (floodWindow == null || floodWindow.isNegative()) {
            throw new IllegalArgumentException("the flood window must be zero or positive");
        }
    }

    public static PagingPolicy defaults() {
        return new PagingPolicy(EscalationPolicy.defaults(), DEFAULT_FLOOD_WINDOW);
    }
}
