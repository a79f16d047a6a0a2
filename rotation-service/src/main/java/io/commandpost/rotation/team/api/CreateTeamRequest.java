package io.commandpost.rotation.team.api;

import io.commandpost.rotation.team.TeamCommand;
import java.util.List;

/** Body of {@code POST /v1/teams}. */
public record CreateTeamRequest(String id, String name, String timeZone, String handoffTime,
                                List<MemberBody> members, List<String> rotation) {

    public record MemberBody(String handle, String displayName, String email, String slackUserId, String timeZone,
                             List<String> skills) {
        TeamCommand.NewMember toNewMember() {
            return new TeamCommand.NewMember(handle, displayName, email, slackUserId, timeZone,
                    skills == null ? List.of() : skills);
        }
    }

    TeamCommand.CreateTeam toCommand() {
        List<TeamCommand.NewMember> newMembers = members == null ? null : members.stream()
                .map(m -> m == null ? null : m.toNewMember())
                .toList();
        return new TeamCommand.CreateTeam(id, name, timeZone, handoffTime, newMembers, rotation);
    }
}
