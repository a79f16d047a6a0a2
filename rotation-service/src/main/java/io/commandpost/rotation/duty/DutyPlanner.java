package io.commandpost.rotation.duty;

import io.commandpost.rotation.duty.DayPlan.Reason;
import io.commandpost.rotation.duty.DayPlan.Skip;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The duty plan as a pure function of configuration, inputs (leave, overrides, night pages) and a
 * day: it replays every day from the team's first, because who takes a day depends on who took
 * the earlier ones.
 *
 * <p>MRO choice for a day: the rotation is a queue; the first member in it who is eligible that day
 * (not on leave, not resting after a night duty or a night page) takes the day and goes to the
 * back. Whoever was passed over keeps their place at the front, so the skipped turn is given back
 * on the first day they are eligible again; each pass-over is recorded as a {@link Skip}. With
 * nobody ever skipped this is exactly round robin.
 */
public final class DutyPlanner {

    private DutyPlanner() {
    }

    /** The plans of every day from the team's first through {@code to}, and the ledger over them. */
    public record Simulation(List<DayPlan> days, Ledger ledger) {
        public DayPlan day(LocalDate day) {
            return days.stream().filter(plan -> plan.day().equals(day)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no plan for " + day));
        }
    }

    /** Who is on duty at an instant, overrides applied. */
    public record OnDuty(Kind kind, List<String> members, Instant start, Instant end) {
        public enum Kind { MRO_DAY, NIGHT_DUTY }
    }

    public static DayPlan dayPlan(DutyConfig config, DutyInputs inputs, LocalDate day) {
        return simulate(config, inputs, day).day(day);
    }

    public static Simulation simulate(DutyConfig config, DutyInputs inputs, LocalDate to) {
        return simulate(config, inputs, config.anchorDay(), to);
    }

    /** Replays from the first day; the ledger counts only the days from {@code from} through {@code to}. */
    public static Simulation simulate(DutyConfig config, DutyInputs inputs, LocalDate from, LocalDate to) {
        List<DayPlan> all = new ArrayList<>();
        List<String> queue = new ArrayList<>(config.mroRotation());
        Map<String, Ledger.Entry> ledger = new HashMap<>();
        String previousNight = null;
        for (LocalDate day = config.anchorDay(); !day.isAfter(to); day = day.plusDays(1)) {
            Set<String> resting = new HashSet<>();
            Map<String, Reason> restReasons = new HashMap<>();
            if (previousNight != null) {
                resting.add(previousNight);
                restReasons.put(previousNight, Reason.REST_AFTER_NIGHT_DUTY);
            }
            for (String paged : pagedTheNightBefore(config, inputs, day)) {
                if (resting.add(paged)) {
                    restReasons.put(paged, Reason.REST_AFTER_NIGHT_PAGE);
                }
            }
            DayPlan plan = planDay(config, inputs, day, queue, restReasons);
            all.add(plan);
            if (plan.mro() != null) {
                queue.remove(plan.mro());
                queue.add(plan.mro());
            }
            previousNight = plan.night();
            if (!day.isBefore(from)) {
                account(ledger, plan);
            }
        }
        if (!inputs.overrides().isEmpty()) {
            Instant start = config.handoffOf(from);
            Instant end = config.handoffOf(to.plusDays(1));
            for (DutyInputs.Override override : inputs.overrides()) {
                if (override.overlaps(start, end)) {
                    if (override.remove() != null) {
                        ledger.merge(override.remove(), Ledger.Entry.ZERO.override(true), DutyPlanner::sum);
                    }
                    if (override.add() != null) {
                        ledger.merge(override.add(), Ledger.Entry.ZERO.override(false), DutyPlanner::sum);
                    }
                }
            }
        }
        return new Simulation(all, new Ledger(ledger));
    }

    /** Who is on duty at {@code instant}: the plan's MRO or night person, then the overrides. */
    public static Optional<OnDuty> onDutyAt(DutyConfig config, DutyInputs inputs, Instant instant) {
        LocalDate day = config.dutyDayOf(instant);
        if (day.isBefore(config.anchorDay())) {
            return Optional.empty();
        }
        DayPlan plan = dayPlan(config, inputs, day);
        OnDuty.Kind kind;
        String planned;
        Instant start;
        Instant end;
        if (plan.mro() != null && instant.isBefore(plan.mroEnd())) {
            kind = OnDuty.Kind.MRO_DAY;
            planned = plan.mro();
            start = plan.mroStart();
            end = plan.mroEnd();
        } else if (plan.night() != null && !instant.isBefore(plan.nightStart())) {
            kind = OnDuty.Kind.NIGHT_DUTY;
            planned = plan.night();
            start = plan.nightStart();
            end = plan.nightEnd();
        } else {
            return Optional.empty();
        }
        List<String> members = new ArrayList<>(List.of(planned));
        for (DutyInputs.Override override : inputs.overrides()) {
            if (!override.active(instant)) {
                continue;
            }
            if (override.remove() != null && members.remove(override.remove()) && override.add() != null) {
                members.add(override.add());
            } else if (override.remove() == null && !members.contains(override.add())) {
                members.add(override.add());
            }
        }
        return members.isEmpty() ? Optional.empty() : Optional.of(new OnDuty(kind, List.copyOf(members), start, end));
    }

    private static DayPlan planDay(DutyConfig config, DutyInputs inputs, LocalDate day,
                                   List<String> queue, Map<String, Reason> resting) {
        Instant handoff = config.handoffOf(day);
        Instant nextHandoff = config.handoffOf(day.plusDays(1));
        String night = config.hasNightDuty() ? nightOf(config, inputs, day) : null;
        if (!config.mroCovers(day)) {
            return new DayPlan(day, null, null, null, night, night == null ? null : handoff,
                    night == null ? null : nextHandoff, List.of());
        }
        List<String> ranking = queue;
        List<String> eligible = ranking.stream()
                .filter(member -> !inputs.onLeave(member, day) && !resting.containsKey(member)).toList();
        if (eligible.isEmpty()) {
            // nobody rested and present: a tired colleague beats an empty seat; leave is never broken
            eligible = ranking.stream().filter(member -> !inputs.onLeave(member, day)).toList();
        }
        String mro = eligible.isEmpty() ? null : eligible.get(0);
        List<Skip> skips = new ArrayList<>();
        for (String member : ranking) {
            if (member.equals(mro) || mro == null) {
                break;
            }
            if (inputs.onLeave(member, day)) {
                skips.add(new Skip(day, member, mro, Reason.LEAVE));
            } else if (resting.containsKey(member)) {
                skips.add(new Skip(day, member, mro, resting.get(member)));
            }
        }
        Instant mroEnd = night == null ? nextHandoff : config.workdayEndOf(day);
        return new DayPlan(day, mro, mro == null ? null : handoff, mro == null ? null : mroEnd, night,
                night == null ? null : mroEnd, night == null ? null : nextHandoff, skips);
    }

    /** Night duty of {@code day}: round robin by day or by ISO week, the next one in order when on leave. */
    private static String nightOf(DutyConfig config, DutyInputs inputs, LocalDate day) {
        List<String> rotation = config.nightRotation();
        long index = config.nightLength() == DutyConfig.NightLength.DAILY
                ? ChronoUnit.DAYS.between(config.anchorDay(), day)
                : ChronoUnit.WEEKS.between(config.anchorDay().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        for (int k = 0; k < rotation.size(); k++) {
            String candidate = rotation.get((int) Math.floorMod(index + k, (long) rotation.size()));
            if (!inputs.onLeave(candidate, day)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Members paged outside working hours in the night before {@code day}: from the end of the
     * previous day's working hours (its whole period on an uncovered day) to {@code day}'s handoff.
     */
    private static Set<String> pagedTheNightBefore(DutyConfig config, DutyInputs inputs, LocalDate day) {
        if (inputs.nightPages().isEmpty()) {
            return Set.of();
        }
        LocalDate previous = day.minusDays(1);
        Instant from = config.mroCovers(previous) ? config.workdayEndOf(previous) : config.handoffOf(previous);
        Instant to = config.handoffOf(day);
        Set<String> paged = new HashSet<>();
        for (DutyInputs.NightPage page : inputs.nightPages()) {
            if (!page.at().isBefore(from) && page.at().isBefore(to)) {
                paged.add(page.member());
            }
        }
        return paged;
    }

    private static void account(Map<String, Ledger.Entry> ledger, DayPlan plan) {
        boolean weekend = DutyConfig.isWeekend(plan.day());
        if (plan.mro() != null) {
            ledger.merge(plan.mro(), Ledger.Entry.ZERO.mroDay(weekend), DutyPlanner::sum);
        }
        if (plan.night() != null) {
            ledger.merge(plan.night(), Ledger.Entry.ZERO.night(weekend && plan.mro() == null), DutyPlanner::sum);
        }
        for (Skip skip : plan.skips()) {
            ledger.merge(skip.skipped(), Ledger.Entry.ZERO.skipped(skip.reason()), DutyPlanner::sum);
        }
    }

    private static Ledger.Entry sum(Ledger.Entry a, Ledger.Entry b) {
        return new Ledger.Entry(a.mroDays() + b.mroDays(), a.nights() + b.nights(), a.weekendDays() + b.weekendDays(),
                a.skippedForRest() + b.skippedForRest(), a.skippedForLeave() + b.skippedForLeave(),
                b.mroDays() > 0 ? 0 : a.owed() + b.owed(),
                a.overridesGiven() + b.overridesGiven(), a.overridesTaken() + b.overridesTaken());
    }
}
