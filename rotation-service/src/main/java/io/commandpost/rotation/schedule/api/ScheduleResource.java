package io.commandpost.rotation.schedule.api;

import io.commandpost.events.ShiftKind;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.Problem;
import io.commandpost.rotation.duty.DayPlan;
import io.commandpost.rotation.duty.DutyPlanner;
import io.commandpost.rotation.duty.Ledger;
import io.commandpost.rotation.duty.RotationFacts;
import io.commandpost.rotation.schedule.TeamPlans;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The plan ahead (MRO, night duty, skips and why) and the fairness ledger. */
@Path("/v1/teams/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Duty")
public class ScheduleResource {

    static final int MAX_DAYS = 92;
    static final int MAX_LEDGER_DAYS = 366;

    public record Schedule(String team, List<Day> days) {
    }

    /** One team-local day: its MRO, its night duty, and who was skipped for whom and why. */
    public record Day(LocalDate day, Duty mro, Duty night, List<Skip> skips) {
    }

    /**
     * {@code member} works the duty (overrides applied), {@code planned} is the plan's choice, {@code reason}
     * says why in one sentence (e.g. "ana: owed 1 day (rested after night duty on 3 Dec)").
     */
    public record Duty(String member, String planned, Instant startsAt, Instant endsAt, String reason) {
    }

    /** @param text the skip in words, e.g. "ben skipped: night duty the night before; cho covers" */
    public record Skip(String skipped, String covering, DayPlan.Reason reason, String text) {
    }

    /**
     * @param days per day of the range, who was MRO and why: as recorded when the shift started for the
     *             days that happened, as planned for the others
     */
    public record LedgerView(String team, LocalDate from, LocalDate to, Map<String, Ledger.Entry> members,
                             List<LedgerDay> days) {
    }

    /** One day of the ledger: its MRO and the sentence for it, the skips in words. */
    public record LedgerDay(LocalDate day, String mro, String reason, List<String> skips) {
    }

    private final TeamPlans plans;
    private final Clock clock;

    ScheduleResource(TeamPlans plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @GET
    @Path("/schedule")
    @Operation(summary = "The next N days: MRO, night duty, skips with their reasons",
            description = "days: 1-92, default 7. Starts with the day running now.")
    public Schedule schedule(@PathParam("id") String id, @QueryParam("days") String daysParam) {
        int days = days(daysParam);
        TeamPlans.TeamPlan plan = plan(id);
        LocalDate first = plan.dutyDayOf(clock.instant());
        if (first.isBefore(plan.timeline().anchorDay())) {
            first = plan.timeline().anchorDay();
        }
        LocalDate last = first.plusDays(days - 1L);
        // a shift that started shows as it started (who, whom the rotation planned, the reason recorded), as
        // /on-call shows it; only the shifts to come are planned
        Map<String, RotationFacts.Duty> started = new HashMap<>();
        plan.facts().dutiesIn(first, last).forEach(duty -> started.put(duty.day() + "/" + duty.mro(), duty));
        List<Day> result = new ArrayList<>();
        for (DayPlan day : plan.simulate(first, last).days()) {
            if (day.day().isBefore(first)) {
                continue;
            }
            result.add(new Day(day.day(),
                    day.mro() == null ? null : asStarted(started.get(day.day() + "/true"),
                            duty(plan, ShiftKind.MRO_DAY, day.mro(), day.mroStart(), day.mroEnd(), day.mroReason())),
                    day.night() == null ? null : asStarted(started.get(day.day() + "/false"),
                            duty(plan, ShiftKind.NIGHT_DUTY, day.night(), day.nightStart(), day.nightEnd(),
                                    day.nightReason())),
                    day.skips().stream().map(s -> new Skip(s.skipped(), s.covering(), s.reason(), s.text())).toList()));
        }
        return new Schedule(id, result);
    }

    @GET
    @Path("/ledger")
    @Operation(summary = "The fairness ledger per member over [from, to] (team-local days)",
            description = "MRO days, nights, weekend days, days skipped for rest or leave, days owed, overrides "
                    + "given and taken. Default: the 28 days up to today.")
    public LedgerView ledger(@PathParam("id") String id, @QueryParam("from") String fromParam,
                             @QueryParam("to") String toParam) {
        TeamPlans.TeamPlan current = plan(id);
        LocalDate today = current.dutyDayOf(clock.instant());
        LocalDate to = date(toParam, today, "/to");
        LocalDate from = date(fromParam, to.minusDays(27), "/from");
        if (from.isAfter(to)) {
            throw InvalidInputException.field("/from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_LEDGER_DAYS) {
            throw InvalidInputException.field("/from", "a ledger covers at most " + MAX_LEDGER_DAYS + " days");
        }
        // the facts of the ledger's days, however old
        TeamPlans.TeamPlan plan = plans.of(id, from).orElseThrow(() -> Problem.notFound("no team " + id).exception());
        Map<String, Ledger.Entry> members = new LinkedHashMap<>();
        List<LedgerDay> days = new ArrayList<>();
        if (!to.isBefore(plan.timeline().anchorDay())) {
            DutyPlanner.Simulation simulation = plan.simulate(from, to);
            Ledger ledger = simulation.ledger();
            for (String member : plan.team().members().stream().map(m -> m.handle()).toList()) {
                members.put(member, ledger.of(member));
            }
            Map<LocalDate, RotationFacts.Duty> happened = new HashMap<>();
            plan.facts().dutiesIn(from, to).stream().filter(RotationFacts.Duty::mro)
                    .forEach(duty -> happened.put(duty.day(), duty));
            for (DayPlan day : simulation.days()) {
                if (day.day().isBefore(from) || day.day().isAfter(to)) {
                    continue;
                }
                RotationFacts.Duty fact = happened.get(day.day());
                days.add(fact != null && fact.reason() != null
                        ? new LedgerDay(day.day(), fact.planned(), fact.reason(),
                        day.skips().stream().map(DayPlan.Skip::text).toList())
                        : new LedgerDay(day.day(), day.mro(), day.mroReason(),
                        day.skips().stream().map(DayPlan.Skip::text).toList()));
            }
        }
        return new LedgerView(id, from, to, members, days);
    }

    private TeamPlans.TeamPlan plan(String id) {
        return plans.of(id).orElseThrow(() -> Problem.notFound("no team " + id).exception());
    }

    private static Duty duty(TeamPlans.TeamPlan plan, ShiftKind kind, String planned, Instant start, Instant end,
                             String reason) {
        Instant createdAt = plan.team().createdAt();
        Instant from = start.isBefore(createdAt) ? createdAt : start;
        String member = plan.inputs().startingMember(kind, planned, from);
        return new Duty(member, planned, from, end,
                member.equals(planned) ? reason : member + " covers " + planned + " (override)");
    }

    private static Duty asStarted(RotationFacts.Duty fact, Duty planned) {
        if (fact == null) {
            return planned;
        }
        return new Duty(fact.member(), fact.planned(), planned.startsAt(), planned.endsAt(),
                fact.reason() == null ? planned.reason() : fact.reason());
    }

    private static int days(String value) {
        if (value == null || value.isBlank()) {
            return 7;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= 1 && days <= MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw InvalidInputException.field("/days", "must be a whole number of days from 1 to " + MAX_DAYS);
    }

    private static LocalDate date(String value, LocalDate fallback, String pointer) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field(pointer, "must be a date YYYY-MM-DD");
        }
    }
}
