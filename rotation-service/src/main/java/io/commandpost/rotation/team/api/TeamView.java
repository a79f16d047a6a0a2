package io.commandpost.rotation.team.api;

import io.commandpost.events.TeamEvent;
import io.commandpost.rotation.team.Team;
import io.commandpost.platform.command.Versioned;
import java.time.Instant;
import java.util.List;

/**
 * A team as the API shows it: {@code rotation}/{@code handoffTime} are the latest MRO settings,
 * {@code mroSettings}/{@code nightSettings} every dated version, leave and overrides with their ids, the adopted
 * {@code pattern} the team follows (null: none) and every pattern it adopted.
 */
public record TeamView(String id, String name, String timeZone, String handoffTime, List<TeamEvent.Member> members,
                       List<String> rotation, Instant createdAt, long version, String partnerTeamId,
                       List<Team.MroSettings> mroSettings, List<Team.NightSettings> nightSettings,
                       List<Team.Leave> leave, List<Team.Override> overrides, Team.Pattern pattern,
                       List<Team.Pattern> patterns) {

    static TeamView of(Versioned<Team> versioned) {
        var team = versioned.state();
        return new TeamView(team.id(), team.name(), team.zone().getId(), team.handoffTime().toString(),
                team.members(), team.rotation(), team.createdAt(), versioned.version(), team.partnerTeamId(),
                team.mroSettings(), team.nightSettings(), team.leave(), team.overrides(), team.pattern().orElse(null),
                team.patterns());
    }
}
