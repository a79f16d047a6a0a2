package io.commandpost.incident.directory.projection;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.ShiftEvent;
import io.commandpost.events.TeamEvent;
import io.commandpost.events.Topics;
import io.commandpost.incident.directory.TeamDirectory;
import io.commandpost.platform.eventing.Projection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Keeps the team directory from commandpost.teams.v1 (members, skills) and commandpost.shifts.v1 (on duty). */
@ApplicationScoped
public class DirectoryProjection implements Projection {

    public static final String NAME = "team-directory";

    private final DirectoryStore store;

    DirectoryProjection(DirectoryStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.TEAMS, Topics.SHIFTS);
    }

    @Override
    public void handle(EventEnvelope envelope) {
        envelope.event().ifPresent(event -> {
            if (event instanceof TeamEvent team) {
                TeamDirectory.membersOf(team).forEach(store::save);
            }
            if (event instanceof ShiftEvent.ShiftStarted started) {
                store.save(TeamDirectory.latest(store.onDutyForUpdate(started.teamId(), started.kind().name()),
                        started));
            }
        });
    }

    @Override
    public void reset() {
        store.deleteAll();
    }
}
