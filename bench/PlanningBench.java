import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.rotation.duty.DayPlan;
import io.commandpost.rotation.duty.DutyConfig;
import io.commandpost.rotation.duty.DutyInputs;
import io.commandpost.rotation.duty.DutyPlanner;
import io.commandpost.rotation.duty.DutyTimeline;
import io.commandpost.rotation.duty.RotationFacts;
import io.commandpost.rotation.shift.HandoffDecider;
import io.commandpost.rotation.shift.ShiftHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The cost of planning a team's next 92 days (what /schedule?days=92 computes), for a team created
 * yesterday and one created three years ago, with the state folded from recorded facts; and, for
 * comparison, the same 92 days planned by replaying every day since the team was created (what the
 * planner did before ADR 0011, without its solver). Then what a request pays on top: the team's shift stream
 * as PostgreSQL returns it (envelope JSON), parsed and folded into facts, either whole or only the events of the
 * last 42 days that TeamPlans reads now. And the handoff tick (fold the shift stream, decide what is due): the whole
 * stream parsed and folded, as every tick did before, or the newest events folded onto the state the command
 * handler keeps (fold cache, ADR 0025). Pure CPU, one thread (the database's own read is not measured).
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
                List<Stored> stream = stream(timeline, today);
                Instant now = Instant.parse("2026-12-07T12:00:00Z"); // in the duty day "today"
                Instant since = now.minus(Duration.ofDays(42));
                List<byte[]> whole = stream.stream().map(Stored::json).toList();
                List<byte[]> recent = stream.stream().filter(e -> !e.occurredAt().isBefore(since))
                        .map(Stored::json).toList();
                double wholeMs = median(rounds, () -> plan(timeline, inputs, whole, today, to));
                double recentMs = median(rounds, () -> plan(timeline, inputs, recent, today, to));
                if (report) {
                    System.out.printf("  with the shift stream parsed: whole stream (%d events) %.2f ms, last 42 days (%d events) %.2f ms%n",
                        whole.size(), wholeMs, recent.size(), recentMs);
                }
                // the handoff tick: fold the shift stream, then decide what is due (today's MRO day)
                HandoffDecider.TeamDuty duty = new HandoffDecider.TeamDuty("bench", anchor.atStartOfDay(
                        ZoneId.of("Europe/Paris")).toInstant(), timeline, inputs, Map.of());
                List<byte[]> older = whole.subList(0, Math.max(0, whole.size() - 3));
                List<byte[]> newest = whole.subList(older.size(), whole.size());
                ShiftHistory cached = fold(ShiftHistory.EMPTY, older);
                double tickWhole = median(rounds, () -> tick(duty, fold(ShiftHistory.EMPTY, whole), now));
                double tickCached = median(rounds, () -> tick(duty, fold(cached, newest), now));
                if (report) {
                    System.out.printf("  handoff tick: whole stream folded (%d events) %.2f ms, kept state + new events (%d kept, %d new) %.2f ms%n",
                        whole.size(), tickWhole, cached.started().size(), newest.size(), tickCached);
                }
            }
        }
    }

    record Stored(Instant occurredAt, byte[] json) {
    }

    /** Parses stored envelopes and folds them onto {@code from}, as the command handler does. */
    static ShiftHistory fold(ShiftHistory from, List<byte[]> stored) {
        ShiftHistory history = from;
        for (byte[] json : stored) {
            EventEnvelope envelope = EventJson.fromBytes(json);
            ShiftEvent event = (ShiftEvent) envelope.event().orElseThrow();
            history = ShiftHistory.evolve(history, event, envelope.aggregateVersion());
        }
        return history;
    }

    static List<ShiftEvent> tick(HandoffDecider.TeamDuty duty, ShiftHistory history, Instant now) {
        return HandoffDecider.due(duty.after(history), history, now, Duration.ofMinutes(1));
    }

    /** Parses the stored envelopes, folds the facts and plans the 92 days, as TeamPlans and /schedule do. */
    static DutyPlanner.Simulation plan(DutyTimeline timeline, DutyInputs inputs, List<byte[]> stored, LocalDate from,
                                       LocalDate to) {
        List<ShiftEvent> events = stored.stream().map(EventJson::fromBytes).flatMap(e -> e.event().stream())
                .filter(ShiftEvent.class::isInstance).map(ShiftEvent.class::cast).toList();
        return DutyPlanner.simulate(timeline, inputs, RotationFacts.of(timeline, events), from, to);
    }

    /** The team's shift stream as the handoff job records it for the days before {@code today}, as stored JSON. */
    static List<Stored> stream(DutyTimeline timeline, LocalDate today) {
        List<Stored> stored = new ArrayList<>();
        long version = 0;
        for (DayPlan day : DutyPlanner.simulate(timeline, DutyInputs.NONE, timeline.anchorDay(), today.minusDays(1))
                .days()) {
            List<ShiftEvent> events = new ArrayList<>();
            if (day.mro() != null) {
                events.add(new ShiftEvent.ShiftStarted("bench", UUID.randomUUID(), ShiftKind.MRO_DAY, day.mro(),
                        day.mroStart(), day.mroEnd(), UUID.randomUUID(), null, false, day.mroStart(), day.mro(),
                        day.mroReason()));
            }
            if (day.night() != null) {
                events.add(new ShiftEvent.ShiftStarted("bench", UUID.randomUUID(), ShiftKind.NIGHT_DUTY, day.night(),
                        day.nightStart(), day.nightEnd(), UUID.randomUUID(), null, false, day.nightStart(),
                        day.night(), day.nightReason()));
            }
            for (DayPlan.Skip skip : day.skips()) {
                Instant at = day.mroStart() == null ? day.nightStart() : day.mroStart();
                events.add(skip.reason() == DayPlan.Reason.LEAVE
                        ? new ShiftEvent.TurnSkippedForLeave("bench", day.day(), skip.skipped(), skip.covering(), at)
                        : new ShiftEvent.RestRuleApplied("bench", day.day(), skip.skipped(), skip.covering(),
                                skip.reason().name(), null, at));
            }
            for (ShiftEvent event : events) {
                Instant at = event instanceof ShiftEvent.ShiftStarted started ? started.startedAt()
                        : day.mroStart() == null ? day.nightStart() : day.mroStart();
                stored.add(new Stored(at, EventJson.toBytes(EventEnvelope.wrap(event, ++version, at,
                        UUID.randomUUID(), UUID.randomUUID(), null, "rotation-service"))));
            }
        }
        return stored;
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
