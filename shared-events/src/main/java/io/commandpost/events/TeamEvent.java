package io.commandpost.events;

import java.time.Instant;
import java.util.List;

/** Teams, their members and their MRO rotation (configuration, not runtime state). */
public sealed interface TeamEvent extends DomainEvent {

    String teamId();

    @Override
    default String aggregateId() {
        return teamId();
    }

    /**
     * A member as the rest of the system needs to know them (to page, to mention, to find an expert).
     *
     * @param skills tags the Incident Commander searches when looking for an expert
     */
    record Member(String handle, String displayName, String email, String slackUserId, String timeZone,
                  List<String> skills) {

        public Member {
            skills = skills == null ? List.of() : List.copyOf(skills);
        }
    }

    /**
     * A team was created with its members and its daily MRO rotation.
     *
     * @param rotation   member handles in rotation order
     * @param handoffTime local time of the daily handoff, ISO-8601 ({@code 09:00})
     */
    record TeamCreated(
            String teamId,
            String name,
            String timeZone,
            List<Member> members,
            List<String> rotation,
            String handoffTime,
            Instant createdAt) implements TeamEvent {
    }

    /** A member joined the team (not yet part of any rotation). */
    record MemberAdded(String teamId, Member member, Instant addedAt) implements TeamEvent {
    }

    /** A member's details changed (the handle stays). */
    record MemberUpdated(String teamId, Member member, Instant updatedAt) implements TeamEvent {
    }

    /**
     * The daily MRO rotation was (re)configured; it applies to shifts starting after {@code effectiveFrom}.
     *
     * @param coverage {@code EVERY_DAY} or {@code WEEKDAYS}
     */
    record MroRotationConfigured(String teamId, List<String> rotation, String handoffTime, String coverage,
                                 String workdayStart, String workdayEnd, Instant effectiveFrom,
                                 Instant configuredAt) implements TeamEvent {
    }

    /**
     * The night-duty rotation covering the hours outside the MRO day was (re)configured.
     *
     * @param shiftLength {@code DAILY} or {@code WEEKLY}
     */
    record NightDutyConfigured(String teamId, List<String> rotation, String shiftLength, Instant effectiveFrom,
                               Instant configuredAt) implements TeamEvent {
    }

    /** A member is unavailable over [from, to). */
    record LeaveRecorded(String teamId, java.util.UUID leaveId, String member, Instant from, Instant to,
                         String reason, Instant recordedAt) implements TeamEvent {
    }

    record LeaveCancelled(String teamId, java.util.UUID leaveId, Instant cancelledAt) implements TeamEvent {
    }

    /**
     * GoAlert-style override over [start, end): add a person ({@code removeMember} null), remove one
     * ({@code addMember} null) or replace one with another (both set).
     *
     * @param kind {@code MRO_DAY} or {@code NIGHT_DUTY}: which duty the override changes
     */
    record OverrideRecorded(String teamId, java.util.UUID overrideId, ShiftKind kind, String addMember,
                            String removeMember, Instant start, Instant end, String recordedBy,
                            Instant recordedAt) implements TeamEvent {
    }

    record OverrideCancelled(String teamId, java.util.UUID overrideId, Instant cancelledAt) implements TeamEvent {
    }

    /** Follow-the-sun: the end-of-day handover goes to the partner team's current MRO. */
    record PartnerTeamSet(String teamId, String partnerTeamId, Instant setAt) implements TeamEvent {
    }

    /**
     * A fixed MRO cycle adopted as configuration (computed once, never recomputed at run time): the day
     * {@code startsOn + i} (and every {@code cycle.size()} days after it) goes to {@code cycle[i]}, a null
     * entry leaving that day to the rotation rule. It governs the days whose handoff is after {@code adoptedAt};
     * rest, leave and overrides still come first.
     */
    record PatternAdopted(String teamId, java.time.LocalDate startsOn, List<String> cycle, Instant adoptedAt)
            implements TeamEvent {
    }

    /**
     * The adopted pattern no longer governs the days whose handoff is at or after {@code effectiveFrom};
     * {@code reason} says why (e.g. "the MRO rotation changed").
     */
    record PatternDropped(String teamId, String reason, Instant effectiveFrom, Instant droppedAt)
            implements TeamEvent {
    }
}
