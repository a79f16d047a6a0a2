package io.commandpost.rotation.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.io.TimezoneInfo;
import io.commandpost.events.ShiftKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IcsFeedTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant NOW = Instant.parse("2025-03-27T12:00:00Z");

    static Instant nineLocal(LocalDate day) {
        return ZonedDateTime.of(day, LocalTime.of(9, 0), PARIS).toInstant();
    }

    /** MRO days from Friday 28 March to Tuesday 1 April 2025: Paris moves to summer time on Sunday 30th. */
    static List<Duty> mroDaysAcrossTheSpringChange() {
        List<Duty> duties = new ArrayList<>();
        String[] members = {"alice", "bob"};
        LocalDate day = LocalDate.of(2025, 3, 28);
        for (int i = 0; i < 5; i++, day = day.plusDays(1)) {
            duties.add(new Duty(UUID.nameUUIDFromBytes(("shift" + i).getBytes()), ShiftKind.MRO_DAY, members[i % 2],
                    nineLocal(day), nineLocal(day.plusDays(1))));
        }
        return duties;
    }

    static ICalendar parse(String text) {
        return Biweekly.parse(text).first();
    }

    @Test
    void handoffStaysAtNineLocalAcrossTheSpringChangeSoItsUtcStartMovesByAnHour() {
        String text = IcsFeed.write("Payments on duty", PARIS, NOW, mroDaysAcrossTheSpringChange());

        assertThat(text).contains("BEGIN:VTIMEZONE", "TZID:Europe/Paris",
                "DTSTART;TZID=Europe/Paris:20250328T090000", "DTSTART;TZID=Europe/Paris:20250331T090000");
        ICalendar calendar = parse(text);
        List<VEvent> events = calendar.getEvents();
        assertThat(events).extracting(event -> event.getSummary().getValue())
                .containsExactly("MRO: alice", "MRO: bob", "MRO: alice", "MRO: bob", "MRO: alice");
        assertThat(events).extracting(event -> event.getDateStart().getValue().toInstant()).containsExactly(
                Instant.parse("2025-03-28T08:00:00Z"), Instant.parse("2025-03-29T08:00:00Z"),
                Instant.parse("2025-03-30T07:00:00Z"), Instant.parse("2025-03-31T07:00:00Z"),
                Instant.parse("2025-04-01T07:00:00Z"));
        // the night of the change is an hour short: Saturday 09:00 CET to Sunday 09:00 CEST
        VEvent saturday = events.get(1);
        assertThat(saturday.getDateEnd().getValue().getTime() - saturday.getDateStart().getValue().getTime())
                .isEqualTo(23L * 3600 * 1000);
        assertThat(events).extracting(event -> event.getUid().getValue())
                .allMatch(uid -> uid.endsWith("@commandpost")).doesNotHaveDuplicates();
    }

    @Test
    void theFeedsOwnVtimezoneResolvesTheTimesNotTheReadersZone() {
        ICalendar calendar = parse(IcsFeed.write("Payments on duty", PARIS, NOW, mroDaysAcrossTheSpringChange()));
        TimezoneInfo zones = calendar.getTimezoneInfo();
        VEvent first = calendar.getEvents().get(0);
        TimezoneAssignment assignment = zones.getTimezone(first.getDateStart());

        assertThat(assignment).isNotNull();
        assertThat(assignment.getComponent().getTimezoneId().getValue()).isEqualTo("Europe/Paris");
        java.util.TimeZone parsed = assignment.getTimeZone();
        assertThat(parsed.getOffset(Instant.parse("2025-03-29T12:00:00Z").toEpochMilli())).isEqualTo(3600_000);
        assertThat(parsed.getOffset(Instant.parse("2025-03-31T12:00:00Z").toEpochMilli())).isEqualTo(7200_000);
        assertThat(parsed.getOffset(Instant.parse("2025-10-27T12:00:00Z").toEpochMilli())).isEqualTo(3600_000);
    }

    @Test
    void aZoneWithoutDaylightSavingStillGetsItsOffset() {
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        Instant start = ZonedDateTime.of(LocalDate.of(2025, 3, 28), LocalTime.of(9, 0), kolkata).toInstant();
        String text = IcsFeed.write("Ops", kolkata, NOW, List.of(new Duty(UUID.randomUUID(), ShiftKind.NIGHT_DUTY,
                "carol", start, start.plusSeconds(3600))));

        VEvent event = parse(text).getEvents().get(0);
        assertThat(text).contains("DTSTART;TZID=Asia/Kolkata:20250328T090000", "TZOFFSETTO:+0530");
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2025-03-28T03:30:00Z"));
        assertThat(event.getSummary().getValue()).isEqualTo("Night duty: carol");
    }
}
