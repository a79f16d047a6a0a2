package io.commandpost.rotation.team.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Bodies of the team configuration endpoints. Times of day are HH:mm team-local, instants ISO-8601. */
public final class TeamSettingsRequests {

    private TeamSettingsRequests() {
    }

    /** @param effectiveFrom null for now; the days already started keep their plan */
    public record MroRotation(List<String> rotation, String handoffTime, String coverage, String workdayStart,
                              String workdayEnd, Instant effectiveFrom) {
    }

    /** @param rotation empty to stop night duty */
    public record NightDuty(List<String> rotation, String shiftLength, Instant effectiveFrom) {
    }

    /** Unavailable over [from, to); a date bound means that whole day in the team's zone (to: inclusive). */
    public record Leave(String member, DayOrInstant from, DayOrInstant to, String reason) {
    }

    /**
     * Add ({@code removeMember} null), remove ({@code addMember} null) or replace someone over [start, end);
     * a date bound means that whole day in the team's zone (end: inclusive).
     */
    public record Override(String kind, String addMember, String removeMember, DayOrInstant start, DayOrInstant end,
                           String recordedBy) {
    }

    public record Partner(String partnerTeamId) {
    }

    /**
     * A fixed MRO cycle: day {@code startsOn + i} (and every {@code cycle.size()} days after it) is {@code cycle[i]}'s,
     * null leaving that day to the rule ({@code POST /v1/teams/{id}/pattern/suggest} computes one).
     */
    public record Pattern(LocalDate startsOn, List<String> cycle) {
    }
}
