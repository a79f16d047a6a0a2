package io.commandpost.notification.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.Priority;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.events.lifecycle.AlertStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingPageWatchTest {

    private static final Instant T = Instant.parse("2025-03-03T08:00:00Z");

    private static AlertState state(AlertStatus status, int occurrence, String acknowledgedBy, String resolvedBy) {
        return new AlertState("payments", "disk", status, occurrence, T, T, 1, Priority.P1, "disk full",
                acknowledgedBy == null ? null : T, acknowledgedBy, resolvedBy == null ? null : T, resolvedBy, 0, null,
                null);
    }

    @Test
    void anOpenUnacknowledgedOccurrenceStillWantsItsDelayedPage() {
        assertThat(PendingPageWatch.reason(state(AlertStatus.OPEN, 1, null, null), 1)).isEmpty();
    }

    @Test
    void anAcknowledgedOccurrenceDropsItNamingWho() {
        assertThat(PendingPageWatch.reason(state(AlertStatus.OPEN, 1, "alice", null), 1))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("acknowledged by alice"));
    }

    @Test
    void aResolvedOccurrenceDropsIt() {
        assertThat(PendingPageWatch.reason(state(AlertStatus.RESOLVED, 1, null, "tool:int-1"), 1))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("resolved by tool:int-1"));
    }

    @Test
    void aLaterOccurrenceDropsThePageOfTheEarlierOne() {
        assertThat(PendingPageWatch.reason(state(AlertStatus.OPEN, 2, null, null), 1)).isPresent();
    }
}
