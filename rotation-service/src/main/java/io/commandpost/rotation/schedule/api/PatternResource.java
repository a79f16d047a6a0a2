package io.commandpost.rotation.schedule.api;

import io.commandpost.platform.http.Problem;
import io.commandpost.platform.security.Roles;
import io.commandpost.rotation.duty.DayPlan;
import io.commandpost.rotation.duty.DutyConfig;
import io.commandpost.rotation.duty.DutyInputs;
import io.commandpost.rotation.duty.DutyPlanner;
import io.commandpost.rotation.duty.DutyTimeline;
import io.commandpost.rotation.duty.Fairness;
import io.commandpost.rotation.duty.PatternSearch;
import io.commandpost.rotation.duty.RotationState;
import io.commandpost.rotation.schedule.TeamPlans;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Computes, once and on request, a fixed MRO cycle for a team's current shape, with the figures it reaches next to
 * the rule's; an admin adopts it with {@code PUT /v1/teams/{id}/pattern} (recorded as configuration, never computed
 * again at plan time).
 */
@Path("/v1/teams/{id}/pattern/suggest")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Duty")
public class PatternResource {

    /** How far ahead the figures look: four quarters, no leave (as ADR 0011's table). */
    static final int FIGURES_DAYS = 364;

    /**
     * @param startsOn   the cycle's first day; body of {@code PUT /pattern} as is: {@code {startsOn, cycle}}
     * @param withPattern the figures of the next year following the cycle (no leave)
     * @param withRule    the same year planned by the rule
     */
    public record Suggestion(LocalDate startsOn, List<String> cycle, Fairness withPattern, Fairness withRule) {
    }

    private final TeamPlans plans;
    private final Clock clock;

    PatternResource(TeamPlans plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Compute a fixed MRO cycle for the team's current shape, to adopt with PUT /pattern",
            description = "Lined up with the night rotation; nobody MRO the day after their night or two days in a "
                    + "row; equal totals, then the smallest 4-week spread, then the shortest wait it finds. Answers "
                    + "the cycle and the figures of the next year (worst quarter and 4-week spread, longest wait) with "
                    + "it and with the rule. Nothing is stored.")
    public Suggestion suggest(@PathParam("id") String id) {
        TeamPlans.TeamPlan plan = plans.of(id).orElseThrow(() -> Problem.notFound("no team " + id).exception());
        LocalDate today = plan.dutyDayOf(clock.instant());
        DutyConfig config = plan.timeline().latest();
        PatternSearch.Suggestion suggestion = PatternSearch.suggest(config, today);
        DutyTimeline rule = DutyTimeline.of(config);
        DutyTimeline following = rule.adopting(suggestion.from(suggestion.startsOn()));
        return new Suggestion(suggestion.startsOn(), suggestion.cycle(), figures(following, config, today),
                figures(rule, config, today));
    }

    private static Fairness figures(DutyTimeline timeline, DutyConfig config, LocalDate from) {
        LocalDate to = from.plusDays(FIGURES_DAYS - 1L);
        List<DayPlan> days = DutyPlanner.simulate(timeline, DutyInputs.NONE, RotationState.startingOn(from), from, to)
                .days();
        return Fairness.of(days, config.mroRotation());
    }
}
