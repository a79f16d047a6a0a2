package io.commandpost.rotation.team;

import io.commandpost.events.TeamEvent;
import io.commandpost.rotation.plan.RotationConfig;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** A team's configuration as its events made it; {@link #NONE} before it was created. */
public record Team(String id, String name, ZoneId zone, LocalTime handoffTime, List<TeamEvent.Member> members,
                   List<String> rotation, Instant createdAt) {

    public static final Team NONE = new Team(null, null, null, null, List.of(), List.of(), null);

    public boolean exists() {
        return id != null;
    }

    public static Team evolve(Team state, TeamEvent event) {
        if (event instanceof TeamEvent.TeamCreated created) {
            return new Team(created.teamId(), created.name(), ZoneId.of(created.timeZone()),
                    LocalTime.parse(created.handoffTime()), List.copyOf(created.members()),
                    List.copyOf(created.rotation()), created.createdAt());
        }
        return state;
    }

    public RotationConfig rotationConfig() {
        return new RotationConfig(id, zone, handoffTime, rotation, createdAt);
    }

    public java.util.Optional<TeamEvent.Member> member(String handle) {
        return members.stream().filter(member -> member.handle().equals(handle)).findFirst();
    }
}
