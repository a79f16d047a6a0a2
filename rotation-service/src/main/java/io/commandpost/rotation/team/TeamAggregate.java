package io.commandpost.rotation.team;

import io.commandpost.events.TeamEvent;
import io.commandpost.platform.command.Aggregate;
import io.commandpost.platform.command.CommandHandler;
import io.commandpost.platform.command.Decider;
import io.commandpost.platform.command.Versioned;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Teams: stream type "team", id = team id, ruled by {@link TeamDecider}; written through the command handler. */
@ApplicationScoped
public class TeamAggregate implements Aggregate<TeamCommand, Team, TeamEvent> {

    public static final String STREAM_TYPE = "team";

    private final CommandHandler handler;

    TeamAggregate(CommandHandler handler) {
        this.handler = handler;
    }

    @Override
    public String streamType() {
        return STREAM_TYPE;
    }

    @Override
    public Class<TeamEvent> eventType() {
        return TeamEvent.class;
    }

    @Override
    public Decider<TeamCommand, Team, TeamEvent> decider(String teamId) {
        return TeamDecider.RULES;
    }

    /** The team and its version (its ETag), empty when no team has that id. */
    public Optional<Versioned<Team>> find(String teamId) {
        Versioned<Team> team = handler.load(this, teamId);
        return team.state().exists() ? Optional.of(team) : Optional.empty();
    }
}
