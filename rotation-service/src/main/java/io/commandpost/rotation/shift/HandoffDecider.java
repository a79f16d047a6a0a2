package io.commandpost.rotation.shift;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftEvent.ShiftStarted;
import io.commandpost.events.ShiftKind;
import io.commandpost.rotation.duty.DayPlan;
import io.commandpost.rotation.duty.DutyConfig;
import io.commandpost.rotation.duty.DutyInputs;
import io.commandpost.rotation.duty.DutyPlanner;
import io.commandpost.rotation.duty.DutyTimeline;
import io.commandpost.rotation.plan.PlannedShift;
import io.commandpost.rotation.plan.RotationConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Compares the duty plan with the shifts that actually started and says which events are due:
 * ShiftStarted for every MRO day and night duty whose start has come, and a RestRuleApplied for
 * every rest skip of a starting MRO day not announced yet. Pure: the same inputs give the same
 * events, shift ids included (derived from team, kind and start), so two replicas deciding at once
 * propose identical events and the store's expected version lets exactly one of them through.
 */
public final class HandoffDecider {

    /** After a long outage the ended shifts are not replayed beyond this many days. */
    static final int MAX_CATCH_UP_DAYS = 31;

    private HandoffDecider() {
    }

    /** A team as the decider sees it: its plan inputs and when it was created. */
    public record TeamDuty(String teamId, Instant createdAt, DutyTimeline timeline, DutyInputs inputs,
                           Map<String, UUID> nightPageCauses) {

        /** Key of {@link #nightPageCauses}: the rest day and the member paged the night before. */
        public static String causeKey(LocalDate day, String member) {
            return day + "|" + member;
        }
    }

    /** The foundation's round-robin MRO plan (every day, no night duty) as a duty plan. */
    public static List<ShiftStarted> due(RotationConfig config, ShiftHistory history, Instant now,
                                         Duration lateAfter) {
        DutyConfig duty = new DutyConfig(config.teamId(), config.zone(), config.handoffTime(), config.handoffTime(),
                config.rotation(), List.of(), DutyConfig.Coverage.EVERY_DAY, DutyConfig.NightLength.DAILY,
                config.anchorDay());
        TeamDuty team = new TeamDuty(config.teamId(), config.createdAt(), DutyTimeline.of(duty), DutyInputs.NONE,
                Map.of());
        return due(team, history, now, lateAfter).stream()
                .filter(ShiftStarted.class::isInstance).map(ShiftStarted.class::cast).toList();
    }

    /**
     * The events due at {@code now}: nothing while the current shifts already started; otherwise every
     * shift since the last one that started (missed handoffs are recorded late, never skipped, bounded by
     * {@link #MAX_CATCH_UP_DAYS}); a team's first shifts are the ones running at {@code now}.
     */
    public static List<ShiftEvent> due(TeamDuty team, ShiftHistory history, Instant now, Duration lateAfter) {
        DutyTimeline timeline = team.timeline();
        LocalDate current = timeline.dutyDayOf(now);
        if (current.isBefore(timeline.anchorDay()) || now.isBefore(team.createdAt())) {
            return List.of();
        }
        Instant lastStart = history.last().map(ShiftStarted::startsAt).orElse(null);
        LocalDate first = lastStart == null ? current.minusDays(1) : timeline.dutyDayOf(lastStart);
        if (first.isBefore(current.minusDays(MAX_CATCH_UP_DAYS))) {
            first = current.minusDays(MAX_CATCH_UP_DAYS);
        }
        if (first.isBefore(timeline.anchorDay())) {
            first = timeline.anchorDay();
        }
        LocalDate from = first;
        List<DayPlan> days = DutyPlanner.simulate(timeline, team.inputs(), from, current).days().stream()
                .filter(day -> !day.day().isBefore(from)).toList();
        List<Candidate> candidates = new ArrayList<>();
        for (DayPlan day : days) {
            if (day.mro() != null) {
                candidates.add(new Candidate(day, ShiftKind.MRO_DAY, day.mro(), day.mroStart(), day.mroEnd()));
            }
            if (day.night() != null) {
                candidates.add(new Candidate(day, ShiftKind.NIGHT_DUTY, day.night(), day.nightStart(), day.nightEnd()));
            }
        }
        candidates.sort(Comparator.comparing(Candidate::start).thenComparing(Candidate::kind));
        List<ShiftEvent> due = new ArrayList<>();
        UUID previous = history.last().map(ShiftStarted::shiftId).orElse(null);
        for (Candidate candidate : candidates) {
            Instant start = candidate.start().isBefore(team.createdAt()) ? team.createdAt() : candidate.start();
            if (!candidate.end().isAfter(start) || start.isAfter(now)) {
                continue;
            }
            boolean isDue = lastStart == null ? candidate.end().isAfter(now) : start.isAfter(lastStart);
            if (!isDue) {
                continue;
            }
            if (candidate.kind() == ShiftKind.MRO_DAY) {
                due.addAll(restRules(team, candidate.day(), history, now));
            }
            String member = team.inputs().startingMember(candidate.kind(), candidate.member(), start);
            ShiftStarted started = new ShiftStarted(team.teamId(), shiftId(team.teamId(), candidate.kind(), start),
                    candidate.kind(), member, start, candidate.end(), previous,
                    history.handoverOf(previous).orElse(null), now.isAfter(start.plus(lateAfter)), now);
            due.add(started);
            previous = started.shiftId();
        }
        return due;
    }

    /** The rest skips of {@code day} not announced yet, once per team, day and skipped member. */
    static List<ShiftEvent.RestRuleApplied> restRules(TeamDuty team, DayPlan day, ShiftHistory history, Instant now) {
        List<ShiftEvent.RestRuleApplied> rules = new ArrayList<>();
        for (DayPlan.Skip skip : day.skips()) {
            if (skip.reason() == DayPlan.Reason.LEAVE || history.restRuleAnnounced(day.day(), skip.skipped())) {
                continue;
            }
            UUID cause = skip.reason() == DayPlan.Reason.REST_AFTER_NIGHT_PAGE
                    ? team.nightPageCauses().get(TeamDuty.causeKey(day.day(), skip.skipped())) : null;
            rules.add(new ShiftEvent.RestRuleApplied(team.teamId(), day.day(), skip.skipped(), skip.covering(),
                    skip.reason().name(), cause, now));
        }
        return rules;
    }

    private record Candidate(DayPlan day, ShiftKind kind, String member, Instant start, Instant end) {
    }

    static ShiftStarted started(String teamId, ShiftKind kind, PlannedShift planned, UUID previous, Instant now,
                                Duration lateAfter) {
        boolean late = now.isAfter(planned.shiftStart().plus(lateAfter));
        return new ShiftStarted(teamId, shiftId(teamId, kind, planned.shiftStart()), kind, planned.member(),
                planned.shiftStart(), planned.shiftEnd(), previous, late, now);
    }

    public static UUID shiftId(String teamId, ShiftKind kind, Instant start) {
        return UUID.nameUUIDFromBytes((teamId + "|" + kind + "|" + start).getBytes(StandardCharsets.UTF_8));
    }
}
