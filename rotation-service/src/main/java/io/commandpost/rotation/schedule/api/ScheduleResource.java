package io.commandpost.rotation.schedule.api;

import io.commandpost.events.ShiftKind;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.Problem;
import io.commandpost.rotation.duty.DayPlan;
import io.commandpost.rotation.duty.Ledger;
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

    /** {@code member} works the duty (overrides applied), {@code planned} is the plan's choice. */
    public record Duty(String member, String planned, Instant startsAt, Instant endsAt) {
    }

    public record Skip(String skipped, String covering, DayPlan.Reason reason) {
    }

    public record LedgerView(String team, LocalDate from, LocalDate to, Map<String, Ledger.Entry> members) {
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
        List<Day> result = new ArrayList<>();
        for (DayPlan day : plan.simulate(first, last).days()) {
            if (day.day().isBefore(first)) {
                continue;
            }
            result.add(new Day(day.day(),
                    day.mro() == null ? null : duty(plan, ShiftKind.MRO_DAY, day.mro(), day.mroStart(), day.mroEnd()),
                    day.night() == null ? null
                            : duty(plan, ShiftKind.NIGHT_DUTY, day.night(), day.nightStart(), day.nightEnd()),
                    day.skips().stream().map(s -> new Skip(s.skipped(), s.covering(), s.reason())).toList()));
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
        TeamPlans.TeamPlan plan = plan(id);
        LocalDate today = plan.dutyDayOf(clock.instant());
        LocalDate to = date(toParam, today, "/to");
        LocalDate from = date(fromParam, to.minusDays(27), "/from");
        if (from.isAfter(to)) {
            throw InvalidInputException.field("/from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_LEDGER_DAYS) {
            throw InvalidInputException.field("/from", "a ledger covers at most " + MAX_LEDGER_DAYS + " days");
        }
        Map<String, Ledger.Entry> members = new LinkedHashMap<>();
        if (!to.isBefore(plan.timeline().anchorDay())) {
            Ledger ledger = plan.simulate(from, to).ledger();
            for (String member : plan.team().members().stream().map(m -> m.handle()).toList()) {
                members.put(member, ledger.of(member));
            }
        }
        return new LedgerView(id, from, to, members);
    }

    private TeamPlans.TeamPlan plan(String id) {
        return plans.of(id).orElseThrow(() -> Problem.notFound("no team " + id).exception());
    }

    private static Duty duty(TeamPlans.TeamPlan plan, ShiftKind kind, String planned, Instant start, Instant end) {
        Instant createdAt = plan.team().createdAt();
        Instant from = start.isBefore(createdAt) ? createdAt : start;
        return new Duty(plan.inputs().startingMember(kind, planned, from), planned, from, end);
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
