package io.commandpost.rotation.duty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The plan of one team-local day: the MRO from the handoff to the end of the working day (to the
 * next handoff when the team has no night duty), then night duty until the next handoff. Either
 * may be null (no MRO on an uncovered day, no night duty configured, nobody available). Each comes
 * with the sentence that explains it ({@code mroReason}, {@code nightReason}).
 */
public record DayPlan(LocalDate day, String mro, Instant mroStart, Instant mroEnd, String night,
                      Instant nightStart, Instant nightEnd, List<Skip> skips, String mroReason,
                      String nightReason) {

    static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** Why someone whose turn it was did not get the day, and who covers. */
    public enum Reason {
        /** Rule 1: on planned night duty the night before. */
        REST_AFTER_NIGHT_DUTY("night duty the night before"),
        /** Rule 2: actually paged during the night before. */
        REST_AFTER_NIGHT_PAGE("paged during the night before"),
        LEAVE("on leave");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** What the member did on {@code day}, as owed days quote it. */
        public String owedText(LocalDate day) {
            return switch (this) {
                case REST_AFTER_NIGHT_DUTY -> "rested after night duty on " + SHORT.format(day);
                case REST_AFTER_NIGHT_PAGE -> "rested after a night page on " + SHORT.format(day);
                case LEAVE -> "on leave on " + SHORT.format(day);
            };
        }

        public String text() {
            return text;
        }
    }

    /**
     * One skipped turn. For the rest rules this is the explicit record the issue asks for
     * ({@code RestRuleApplied}: who was skipped, who covers, why).
     */
    public record Skip(LocalDate day, String skipped, String covering, Reason reason) {

        /** E.g. "ben skipped: night duty the night before; cho covers". */
        public String text() {
            return skipped + " skipped: " + reason.text() + "; " + covering + " covers";
        }
    }

    public DayPlan {
        skips = List.copyOf(skips);
    }

    public DayPlan(LocalDate day, String mro, Instant mroStart, Instant mroEnd, String night, Instant nightStart,
                   Instant nightEnd, List<Skip> skips) {
        this(day, mro, mroStart, mroEnd, night, nightStart, nightEnd, skips, null, null);
    }
}
