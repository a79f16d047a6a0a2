package io.commandpost.rotation.team;

import java.util.List;

/** What can be asked of a team. Fields are raw input: the decider validates them. */
public sealed interface TeamCommand {

    String teamId();

    /**
     * Creates a team.
     *
     * @param handoffTime null for the default 09:00
     * @param rotation    null or empty for the members' order
     */
    record CreateTeam(String teamId, String name, String timeZone, String handoffTime, List<NewMember> members,
                      List<String> rotation) implements TeamCommand {
    }

    /** A member as submitted; {@code timeZone} null means the team's zone. */
    record NewMember(String handle, String displayName, String email, String slackUserId, String timeZone) {
    }
}
