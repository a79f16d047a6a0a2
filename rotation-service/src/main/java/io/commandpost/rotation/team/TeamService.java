package io.commandpost.rotation.team;

import io.commandpost.events.TeamEvent;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.platform.eventing.EventStore;
import io.commandpost.platform.http.IfMatch;
import io.commandpost.rotation.NoSuchEntityException;
import io.commandpost.rotation.shift.Handoffs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Write side of teams: load, decide, append with the expected version, in one transaction. */
@ApplicationScoped
public class TeamService {

    private final TeamRepository teams;
    private final EventStore store;
    private final Handoffs handoffs;
    private final Clock clock;

    TeamService(TeamRepository teams, EventStore store, Handoffs handoffs, Clock clock) {
        this.teams = teams;
        this.store = store;
        this.handoffs = handoffs;
        this.clock = clock;
    }

    /** Creates the team and starts its current MRO shift in the same transaction. */
    @Transactional
    public TeamRepository.Versioned create(TeamCommand.CreateTeam command, EventMetadata metadata) {
        Instant now = clock.instant();
        TeamRepository.Versioned current = teams.load(command.teamId());
        List<TeamEvent> events = TeamDecider.decide(command, current.team(), now);
        var stored = store.append(TeamRepository.STREAM_TYPE, command.teamId(), current.version(), events, metadata);
        Team team = current.team();
        for (TeamEvent event : events) {
            team = Team.evolve(team, event);
        }
        handoffs.startDueShifts(team, now, metadata);
        return new TeamRepository.Versioned(team, stored.get(stored.size() - 1).aggregateVersion());
    }

    /**
     * Changes an existing team's configuration: {@code ifMatch} (the ETag the caller saw) must hold for
     * the stream's version, else 412; the append itself is at the version read.
     *
     * @throws NoSuchEntityException when the team does not exist
     */
    @Transactional
    public TeamRepository.Versioned change(TeamCommand command, IfMatch ifMatch, EventMetadata metadata) {
        Instant now = clock.instant();
        TeamRepository.Versioned current = teams.load(command.teamId());
        if (!current.team().exists()) {
            throw NoSuchEntityException.team(command.teamId());
        }
        ifMatch.require("team " + command.teamId(), current.version());
        List<TeamEvent> events = TeamDecider.decide(command, current.team(), now);
        var stored = store.append(TeamRepository.STREAM_TYPE, command.teamId(), current.version(), events, metadata);
        Team team = current.team();
        for (TeamEvent event : events) {
            team = Team.evolve(team, event);
        }
        return new TeamRepository.Versioned(team, stored.get(stored.size() - 1).aggregateVersion());
    }
}
