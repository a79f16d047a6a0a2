package io.commandpost.rotation.team;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.TeamEvent;
import io.commandpost.platform.eventing.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Teams rebuilt from their streams in the event store (type "team", id = team id). */
@ApplicationScoped
public class TeamRepository {

    public static final String STREAM_TYPE = "team";

    /** A team and the version of its stream (its ETag). */
    public record Versioned(Team team, long version) {
    }

    private final EventStore store;

    TeamRepository(EventStore store) {
        this.store = store;
    }

    public Versioned load(String teamId) {
        Team team = Team.NONE;
        long version = 0;
        for (EventEnvelope envelope : store.load(STREAM_TYPE, teamId)) {
            var event = envelope.event();
            if (event.isPresent() && event.get() instanceof TeamEvent teamEvent) {
                team = Team.evolve(team, teamEvent);
            }
            version = envelope.aggregateVersion();
        }
        return new Versioned(team, version);
    }

    public Optional<Versioned> find(String teamId) {
        Versioned versioned = load(teamId);
        return versioned.team().exists() ? Optional.of(versioned) : Optional.empty();
    }

    public List<String> ids() {
        return store.streamIds(STREAM_TYPE);
    }
}
