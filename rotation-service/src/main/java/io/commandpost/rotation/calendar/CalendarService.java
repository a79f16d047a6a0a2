package io.commandpost.rotation.calendar;

import io.commandpost.platform.command.Versioned;
import io.commandpost.platform.domain.NotFoundException;
import io.commandpost.rotation.schedule.TeamPlans;
import io.commandpost.rotation.shift.HandoffAggregate;
import io.commandpost.rotation.team.Team;
import io.commandpost.rotation.team.TeamAggregate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Builds a team's or a member's feed. Anything wrong (unknown team or member, wrong or missing
 * token) is the same 404, so the feed URL space gives nothing away.
 */
@ApplicationScoped
public class CalendarService {

    private final TeamAggregate teams;
    private final TeamPlans plans;
    private final HandoffAggregate shifts;
    private final CalendarTokens tokens;
    private final Clock clock;

    CalendarService(TeamAggregate teams, TeamPlans plans, HandoffAggregate shifts, CalendarTokens tokens,
                    Clock clock) {
        this.teams = teams;
        this.plans = plans;
        this.shifts = shifts;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** @param member null for the whole team's feed */
    public String feed(String teamId, String member, String token) {
        Versioned<Team> versioned = teams.find(teamId).orElse(null);
        if (versioned == null || !tokens.matches(teamId, token)
                || (member != null && versioned.state().member(member).isEmpty())) {
            throw notFound();
        }
        Team team = versioned.state();
        Instant now = clock.instant();
        List<Duty> history = PlannedDuties.history(shifts.history(teamId).started());
        List<Duty> planned = PlannedDuties.between(plans.of(team, versioned.version()), now,
                now.plus(FeedDuties.AHEAD));
        List<Duty> duties = FeedDuties.select(history, planned, now, member);
        String title = Optional.ofNullable(member).map(handle -> handle + " on duty for " + team.name())
                .orElse(team.name() + " on duty");
        return IcsFeed.write(title, team.zone(), now, duties);
    }

    private static RuntimeException notFound() {
        return new NotFoundException("no such calendar");
    }
}
