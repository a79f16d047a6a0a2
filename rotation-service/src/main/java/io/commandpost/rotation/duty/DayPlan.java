package io.commandpost.rotation.duty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The plan of one team-local day: the MRO from the handoff to the end of the working day (to the
 * next handoff when the team has no night duty), then night duty until the next handoff. Either
 * may be null (no MRO on an uncovered day, no night duty configured, nobody available).
 */
public record DayPlan(LocalDate day, String mro, Instant mroStart, Instant mroEnd, String night,
                      Instant nightStart, Instant nightEnd, List<Skip> skips) {

    /** Why someone whose turn it was did not get the day, and who covers. */
    public enum Reason {
        /** Rule 1: on planned night duty the night before. */
        REST_AFTER_NIGHT_DUTY,
        /** Rule 2: actually paged during the night before. */
        REST_AFTER_NIGHT_PAGE,
        LEAVE
    }

    /**
     * One skipped turn. For the rest rules this is the explicit record the issue asks for
     * ({@code RestRuleApplied}: who was skipped, who covers, why).
     */
    public record Skip(LocalDate day, String skipped, String covering, Reason reason) {
    }

    public DayPlan {
        skips = List.copyOf(skips);
    }
}
