package io.commandpost.rotation.team;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
    record NewMember(String handle, String displayName, String email, String slackUserId, String timeZone,
                     List<String> skills) {
        public NewMember(String handle, String displayName, String email, String slackUserId, String timeZone) {
            this(handle, displayName, email, slackUserId, timeZone, List.of());
        }
    }

    record AddMember(String teamId, NewMember member) implements TeamCommand {
    }

    /** Replaces a member's details; the handle stays. */
    record UpdateMember(String teamId, String handle, NewMember member) implements TeamCommand {
    }

    /**
     * @param effectiveFrom null for now; never in the past (days already started keep their plan)
     * @param coverage      EVERY_DAY or WEEKDAYS, null for EVERY_DAY
     */
    record ConfigureMroRotation(String teamId, List<String> rotation, String handoffTime, String coverage,
                                String workdayStart, String workdayEnd, Instant effectiveFrom) implements TeamCommand {
    }

    /** @param rotation empty to stop night duty; {@code shiftLength} DAILY or WEEKLY */
    record ConfigureNightDuty(String teamId, List<String> rotation, String shiftLength, Instant effectiveFrom)
            implements TeamCommand {
    }

    record RecordLeave(String teamId, UUID leaveId, String member, Instant from, Instant to, String reason)
            implements TeamCommand {
    }

    record CancelLeave(String teamId, UUID leaveId) implements TeamCommand {
    }

    /** @param kind MRO_DAY or NIGHT_DUTY */
    record RecordOverride(String teamId, UUID overrideId, String kind, String addMember, String removeMember,
                          Instant start, Instant end, String recordedBy) implements TeamCommand {
    }

    record CancelOverride(String teamId, UUID overrideId) implements TeamCommand {
    }

    /**
     * Adopts a fixed MRO cycle for the days not started yet: day {@code startsOn + i} (and every
     * {@code cycle.size()} days after it) is {@code cycle[i]}'s; a null entry leaves that day to the rule.
     */
    record AdoptPattern(String teamId, LocalDate startsOn, List<String> cycle) implements TeamCommand {
    }

    /** Stops following the adopted pattern from the next day on. */
    record DropPattern(String teamId) implements TeamCommand {
    }

    /** @param partnerExists whether a team with that id exists (the adapter looks it up) */
    record SetPartnerTeam(String teamId, String partnerTeamId, boolean partnerExists) implements TeamCommand {
    }
}
