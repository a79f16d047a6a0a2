package io.commandpost.rotation.team.api;

import io.commandpost.events.TeamEvent;
import io.commandpost.rotation.team.TeamRepository;
import java.time.Instant;
import java.util.List;

/** A team as the API shows it. */
public record TeamView(String id, String name, String timeZone, String handoffTime, List<TeamEvent.Member> members,
                       List<String> rotation, Instant createdAt, long version) {

    static TeamView of(TeamRepository.Versioned versioned) {
        var team = versioned.team();
        return new TeamView(team.id(), team.name(), team.zone().getId(), team.handoffTime().toString(),
                team.members(), team.rotation(), team.createdAt(), versioned.version());
    }
}
