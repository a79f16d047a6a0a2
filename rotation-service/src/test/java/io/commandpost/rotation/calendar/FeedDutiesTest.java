package io.commandpost.rotation.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.ShiftKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeedDutiesTest {

    static final Instant NOW = Instant.parse("2025-03-20T12:00:00Z");

    static Duty mro(String member, Instant start) {
        return new Duty(UUID.nameUUIDFromBytes((member + start).getBytes()), ShiftKind.MRO_DAY, member, start,
                start.plus(Duration.ofDays(1)));
    }

    @Test
    void listsTwoWeeksOfHistoryThenEightWeeksOfPlanAndEachShiftOnce() {
        Instant today = Instant.parse("2025-03-20T08:00:00Z");
        Duty longAgo = mro("alice", today.minus(Duration.ofDays(20)));
        Duty lastWeek = mro("bob", today.minus(Duration.ofDays(7)));
        Duty current = mro("alice", today);
        Duty plannedToday = new Duty(UUID.randomUUID(), ShiftKind.MRO_DAY, "bob", today,
                today.plus(Duration.ofDays(1)));
        Duty tomorrow = mro("bob", today.plus(Duration.ofDays(1)));
        Duty tooFar = mro("bob", today.plus(Duration.ofDays(60)));

        List<Duty> selected = FeedDuties.select(List.of(longAgo, lastWeek, current),
                List.of(plannedToday, tomorrow, tooFar), NOW, null);

        assertThat(selected).containsExactly(lastWeek, current, tomorrow);
        assertThat(FeedDuties.select(List.of(longAgo, lastWeek, current), List.of(plannedToday, tomorrow, tooFar),
                NOW, "bob")).containsExactly(lastWeek, tomorrow);
    }
}
