package io.commandpost.rotation.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.commandpost.events.ShiftKind;
import io.commandpost.rotation.duty.DutyConfig.Coverage;
import io.commandpost.rotation.duty.DutyConfig.NightLength;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden plans: a dozen realistic teams planned over 3 months, every day with its MRO, night duty,
 * reasons and skips, compared with the approved file. A change that moves any plan fails here and
 * shows in review: when intended, copy target/golden-received/NAME.txt over
 * src/test/resources/golden/NAME.txt.
 */
class GoldenPlansTest {

    private static final LocalDate START = LocalDate.parse("2026-01-05");
    private static final LocalDate END = START.plusDays(91);

    record Golden(String name, DutyTimeline timeline, DutyInputs inputs) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static DutyConfig config(String zone, String handoff, String workdayEnd, List<String> mro,
                                     List<String> night, Coverage coverage, NightLength length) {
        return new DutyConfig("golden", ZoneId.of(zone), LocalTime.parse(handoff), LocalTime.parse(workdayEnd), mro,
                night, coverage, length, START);
    }

    private static Golden golden(String name, DutyConfig config, DutyInputs inputs) {
        return new Golden(name, DutyTimeline.of(config), inputs);
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static DutyInputs leave(String member, String from, String to) {
        return new DutyInputs(List.of(new DutyInputs.Leave(member, LocalDate.parse(from), LocalDate.parse(to))),
                List.of(), List.of());
    }

    static Stream<Golden> teams() {
        List<String> two = List.of("ana", "ben");
        List<String> three = List.of("ana", "ben", "cho");
        List<String> four = List.of("ana", "ben", "cho", "dev");
        List<String> five = List.of("ana", "ben", "cho", "dev", "eve");
        List<String> six = List.of("ana", "ben", "cho", "dev", "eve", "fay");
        List<String> eight = List.of("ana", "ben", "cho", "dev", "eve", "fay", "gus", "hal");
        DutyConfig before = config("Europe/Paris", "09:00", "18:00", three, List.of(), Coverage.WEEKDAYS,
                NightLength.DAILY);
        DutyConfig after = new DutyConfig("golden", ZoneId.of("Europe/Paris"), LocalTime.of(9, 0), LocalTime.of(18, 0),
                four, List.of("dev", "cho"), Coverage.WEEKDAYS, NightLength.WEEKLY, START.plusDays(42));
        DutyConfig fiveWeekly = config("Europe/Paris", "09:00", "18:00", five, five, Coverage.EVERY_DAY,
                NightLength.WEEKLY);
        return Stream.of(
                golden("two-weekdays-paris", config("Europe/Paris", "09:00", "18:00", two, List.of(), Coverage.WEEKDAYS,
                        NightLength.DAILY), DutyInputs.NONE),
                golden("three-every-day-daily-nights-newyork", config("America/New_York", "08:00", "17:00", three, three,
                        Coverage.EVERY_DAY, NightLength.DAILY), DutyInputs.NONE),
                golden("four-weekdays-weekly-nights-paris", config("Europe/Paris", "09:00", "18:00", four, four,
                        Coverage.WEEKDAYS, NightLength.WEEKLY), DutyInputs.NONE),
                golden("four-every-day-two-on-weekly-nights-berlin", config("Europe/Berlin", "10:00", "19:00", four,
                        List.of("cho", "dev"), Coverage.EVERY_DAY, NightLength.WEEKLY), DutyInputs.NONE),
                golden("five-weekdays-leave-london", config("Europe/London", "09:00", "17:30", five, List.of(),
                        Coverage.WEEKDAYS, NightLength.DAILY), leave("cho", "2026-02-09", "2026-02-20")),
                golden("five-every-day-weekly-nights-leave-sydney", config("Australia/Sydney", "09:00", "18:00", five,
                        five, Coverage.EVERY_DAY, NightLength.WEEKLY), leave("ben", "2026-01-26", "2026-02-06")),
                golden("six-weekdays-daily-nights-pages-kolkata", config("Asia/Kolkata", "09:30", "18:30", six, six,
                        Coverage.WEEKDAYS, NightLength.DAILY), new DutyInputs(List.of(), List.of(), List.of(
                        new DutyInputs.NightPage("ana", at("2026-01-13T02:10+05:30")),
                        new DutyInputs.NightPage("dev", at("2026-02-18T23:40+05:30")),
                        new DutyInputs.NightPage("fay", at("2026-03-03T04:00+05:30"))))),
                golden("three-weekdays-override-paris", config("Europe/Paris", "09:00", "18:00", three, List.of(),
                        Coverage.WEEKDAYS, NightLength.DAILY), new DutyInputs(List.of(), List.of(
                        new DutyInputs.Override(ShiftKind.MRO_DAY, "cho", "ana", at("2026-01-20T00:00+01:00"),
                                at("2026-01-24T00:00+01:00"))), List.of())),
                golden("eight-every-day-weekly-nights-newyork-dst", config("America/New_York", "02:30", "18:00", eight,
                        List.of("gus", "hal", "eve", "fay"), Coverage.EVERY_DAY, NightLength.WEEKLY), DutyInputs.NONE),
                golden("two-every-day-two-on-nights-paris-dst", config("Europe/Paris", "02:30", "18:00", two, two,
                        Coverage.EVERY_DAY, NightLength.DAILY), DutyInputs.NONE),
                golden("four-weekdays-leave-and-page-paris", config("Europe/Paris", "09:00", "18:00", four, List.of(),
                        Coverage.WEEKDAYS, NightLength.DAILY), new DutyInputs(
                        List.of(new DutyInputs.Leave("dev", LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-13"))),
                        List.of(), List.of(new DutyInputs.NightPage("ana", at("2026-01-21T03:00+01:00"))))),
                new Golden("three-then-four-with-nights-paris", new DutyTimeline(List.of(
                        new DutyTimeline.Version(START, before), new DutyTimeline.Version(START.plusDays(42), after))),
                        DutyInputs.NONE),
                // the rule for two weeks, then the suggested cycle adopted (ADR 0011), with a leave inside it
                new Golden("five-every-day-weekly-nights-adopted-pattern-paris", DutyTimeline.of(fiveWeekly)
                        .adopting(PatternSearch.suggest(fiveWeekly, START.plusDays(14)).from(START.plusDays(14))),
                        leave("cho", "2026-02-16", "2026-02-20")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("teams")
    void thePlanOfThreeMonthsIsTheApprovedOne(Golden team) throws IOException {
        StringBuilder text = new StringBuilder();
        for (DayPlan day : DutyPlanner.simulate(team.timeline(), team.inputs(), START, END).days()) {
            text.append(day.day()).append(' ').append(day.day().getDayOfWeek().toString(), 0, 3);
            text.append(" | ").append(day.mro() == null ? "-" : day.mroReason() + " @ " + day.mroStart());
            text.append(" | ").append(day.night() == null ? "-" : day.nightReason() + " @ " + day.nightStart());
            day.skips().forEach(skip -> text.append(" | ").append(skip.text()));
            text.append('\n');
        }
        Ledger ledger = DutyPlanner.simulate(team.timeline(), team.inputs(), START, END).ledger();
        ledger.members().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(entry -> text.append(entry.getKey()).append(' ').append(entry.getValue()).append('\n'));
        String received = text.toString();
        Path out = Path.of("target", "golden-received", team.name() + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, received);
        try (InputStream approved = getClass().getResourceAsStream("/golden/" + team.name() + ".txt")) {
            if (approved == null) {
                fail("no golden plan for " + team.name() + "; review and approve " + out);
            }
            assertThat(received).isEqualTo(new String(approved.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
