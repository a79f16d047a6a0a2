package io.commandpost.rotation.duty;

import io.commandpost.rotation.duty.DutyConfig.Coverage;
import io.commandpost.rotation.duty.DutyConfig.NightLength;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The comparison table of ADR 0011: the simple rule against the solver-backed planner it replaces,
 * over a year without leave, for 2-8 members, without night duty and with everyone on daily or
 * weekly nights, on weekdays and every day. Written to target/planner-comparison.md.
 */
class PlannerComparisonTest {

    private static final LocalDate MONDAY = LocalDate.parse("2025-01-06");
    private static final List<String> NAMES = List.of("ana", "ben", "cho", "dev", "eve", "fay", "gus", "hal");

    record Metrics(int totals, int fourWeeks, int longestWait) {
        @Override
        public String toString() {
            return totals + " / " + fourWeeks + " / " + longestWait;
        }
    }

    @Test
    void compare() throws Exception {
        List<String> rows = new ArrayList<>();
        rows.add("| members | nights | coverage | today's planner | simple rule |");
        rows.add("|---|---|---|---|---|");
        List<Object[]> shapes = new ArrayList<>();
        for (int n = 2; n <= 8; n++) {
            for (String nights : List.of("none", "daily", "weekly")) {
                for (Coverage coverage : List.of(Coverage.WEEKDAYS, Coverage.EVERY_DAY)) {
                    shapes.add(new Object[] {n, nights, coverage});
                }
            }
        }
        List<String> lines = shapes.parallelStream().map(shape -> {
            int n = (int) shape[0];
            String nights = (String) shape[1];
            Coverage coverage = (Coverage) shape[2];
            List<String> team = NAMES.subList(0, n);
            DutyConfig config = new DutyConfig("t", ZoneId.of("Europe/Paris"), LocalTime.of(9, 0),
                    LocalTime.of(18, 0), team, nights.equals("none") ? List.of() : team, coverage,
                    nights.equals("weekly") ? NightLength.WEEKLY : NightLength.DAILY, MONDAY);
            LocalDate to = MONDAY.plusDays(363);
            Metrics legacy = Boolean.getBoolean("skipLegacy") ? null : metrics(team, LegacyDutyPlanner.simulate(config, DutyInputs.NONE, to).days(),
                    DayPlan::mro);
            Metrics simple = metrics(team, DutyPlanner.simulate(config, DutyInputs.NONE, to).days(), DayPlan::mro);
            return "| " + n + " | " + nights + " | " + (coverage == Coverage.WEEKDAYS ? "weekdays" : "every day")
                    + " | " + legacy + " | " + simple + " |";
        }).toList();
        rows.addAll(lines);
        Path out = Path.of("target", "planner-comparison.md");
        Files.writeString(out, String.join("\n", rows) + "\n");
        System.out.println(String.join("\n", rows));
    }

    /** Worst quarter totals spread, worst 4-week spread, longest wait in days between two MRO days. */
    static Metrics metrics(List<String> team, List<DayPlan> days, Function<DayPlan, String> mro) {
        int totals = 0;
        for (int start = 0; start + 91 <= days.size(); start += 91) {
            totals = Math.max(totals, spread(team, days.subList(start, start + 91), mro));
        }
        int fourWeeks = 0;
        for (int start = 0; start + 28 <= days.size(); start++) {
            fourWeeks = Math.max(fourWeeks, spread(team, days.subList(start, start + 28), mro));
        }
        int wait = 0;
        Map<String, LocalDate> last = new HashMap<>();
        for (DayPlan day : days) {
            String member = mro.apply(day);
            if (member != null) {
                LocalDate before = last.put(member, day.day());
                if (before != null) {
                    wait = Math.max(wait, (int) ChronoUnit.DAYS.between(before, day.day()));
                }
            }
        }
        return new Metrics(totals, fourWeeks, wait);
    }

    static int spread(List<String> team, List<DayPlan> days, Function<DayPlan, String> mro) {
        int most = 0;
        int least = Integer.MAX_VALUE;
        for (String member : team) {
            int count = (int) days.stream().filter(day -> member.equals(mro.apply(day))).count();
            most = Math.max(most, count);
            least = Math.min(least, count);
        }
        return most - least;
    }
}
