package io.commandpost.notification.announce;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnnouncementRulesTest {

    private static final Instant START = Instant.parse("2025-03-04T08:00:00Z");
    private static final Instant END = Instant.parse("2025-03-05T08:00:00Z");

    @ParameterizedTest(name = "late {0}, now {1}: announced {2}")
    @CsvSource({
            "false, 2025-03-04T08:00:00Z, true",
            "false, 2025-04-01T00:00:00Z, true",
            "true,  2025-03-04T12:00:00Z, true",
            "true,  2025-03-05T08:00:00Z, false",
            "true,  2025-03-09T00:00:00Z, false"})
    void aLateShiftIsAnnouncedOnlyWhileItLasts(boolean late, Instant now, boolean announced) {
        ShiftEvent.ShiftStarted started = new ShiftEvent.ShiftStarted("payments", UUID.randomUUID(),
                ShiftKind.MRO_DAY, "alice", START, END, null, null, late, START);
        assertThat(AnnouncementRules.announcesShift(started, now)).isEqualTo(announced);
    }
}
