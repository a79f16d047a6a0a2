import io.commandpost.rotation.duty.DayPlan;
import io.commandpost.rotation.duty.DutyConfig;
import io.commandpost.rotation.duty.DutyInputs;
import io.commandpost.rotation.duty.DutyPlanner;
import io.commandpost.rotation.duty.DutyTimeline;
import io.commandpost.rotation.duty.RotationFacts;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cost of planning a team's next 92 days (what /schedule?days=92 computes), for a team created
 * yesterday and one created three years ago, with the state folded from recorded facts; and, for
 * comparison, the same 92 days planned by replaying every day since the team was created (what the
 * planner did before ADR 0011, without its solver). Pure CPU, one thread.
 *
 * Run: bench/planning-bench.sh (builds rotation-service, then java -cp ... bench/PlanningBench.java)
 */
public class PlanningBench {

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        LocalDate today = LocalDate.parse("2026-12-07");
        List<String> five = List.of("ana", "ben", "cho", "dev", "eve");
        // the first pass warms the JIT up over every case; the second is reported
        for (int pass = 0; pass < 2; pass++) {
            run(rounds, today, five, pass == 1);
        }
    }

    static void run(int rounds, LocalDate today, List<String> five, boolean report) {
        for (String shape : List.of("no nights", "weekly nights")) {
            if (report) {
                System.out.println("## 5 members, every day, " + shape);
            }
            for (int years : new int[] {0, 3}) {
                LocalDate anchor = today.minusDays(years == 0 ? 1 : 365L * years);
                DutyConfig config = new DutyConfig("bench", ZoneId.of("Europe/Paris"), LocalTime.of(9, 0),
                        LocalTime.of(18, 0), five, shape.equals("no nights") ? List.of() : five,
                        DutyConfig.Coverage.EVERY_DAY, DutyConfig.NightLength.WEEKLY, anchor);
                DutyTimeline timeline = DutyTimeline.of(config);
                DutyInputs inputs = new DutyInputs(List.of(new DutyInputs.Leave("cho", today.plusDays(10),
                        today.plusDays(20))), List.of(), List.of());
                RotationFacts facts = factsUntil(timeline, today);
                LocalDate to = today.plusDays(91);
                double fromFacts = median(rounds, () -> DutyPlanner.simulate(timeline, inputs, facts, today, to));
                double replay = median(rounds, () -> DutyPlanner.simulate(timeline, inputs, today, to));
                if (report) {
                    System.out.printf("team created %s ago (%d facts): from facts %.2f ms, replaying from day one %.2f ms%n",
                        years == 0 ? "1 day" : years + " years", facts.duties().size() + facts.skips().size(),
                        fromFacts, replay);
                }
            }
        }
    }

    /** What the handoff job records for the days before {@code today}: the shifts and the skips. */
    static RotationFacts factsUntil(DutyTimeline timeline, LocalDate today) {
        List<RotationFacts.Duty> duties = new ArrayList<>();
        List<RotationFacts.SkippedTurn> skips = new ArrayList<>();
        for (DayPlan day : DutyPlanner.simulate(timeline, DutyInputs.NONE, timeline.anchorDay(), today.minusDays(1))
                .days()) {
            if (day.mro() != null) {
                duties.add(new RotationFacts.Duty(day.day(), true, day.mro(), day.mro(), day.mroReason()));
            }
            if (day.night() != null) {
                duties.add(new RotationFacts.Duty(day.day(), false, day.night(), day.night(), day.nightReason()));
            }
            day.skips().forEach(skip -> skips.add(new RotationFacts.SkippedTurn(day.day(), skip.skipped(),
                    skip.reason())));
        }
        return new RotationFacts(duties, skips);
    }

    static double median(int rounds, Runnable plan) {
        for (int i = 0; i < rounds; i++) {
            plan.run();
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            plan.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[rounds / 2];
    }
}
