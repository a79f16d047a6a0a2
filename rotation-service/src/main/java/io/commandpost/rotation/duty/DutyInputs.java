package io.commandpost.rotation.duty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What besides configuration shapes the plan: leave, overrides and real night pages (history).
 */
public record DutyInputs(List<Leave> leave, List<Override> overrides, List<NightPage> nightPages) {

    public static final DutyInputs NONE = new DutyInputs(List.of(), List.of(), List.of());

    public DutyInputs {
        leave = List.copyOf(leave);
        overrides = List.copyOf(overrides);
        nightPages = List.copyOf(nightPages);
    }

    /** A member is away for whole team-local days, {@code from} to {@code to} inclusive. */
    public record Leave(String member, LocalDate from, LocalDate to) {
        boolean covers(String handle, LocalDate day) {
            return member.equals(handle) && !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /**
     * GoAlert's single override record for [start, end): add only adds a person, remove only removes
     * one, both replace {@code remove} by {@code add}.
     */
    public record Override(String add, String remove, Instant start, Instant end) {
        public Override {
            if (add == null && remove == null) {
                throw new IllegalArgumentException("an override adds, removes or replaces someone");
            }
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("an override ends after it starts");
            }
        }

        boolean active(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }

        boolean overlaps(Instant from, Instant to) {
            return start.isBefore(to) && end.isAfter(from);
        }
    }

    /** A page actually delivered to a member (from the notification events). */
    public record NightPage(String member, Instant at) {
    }

    boolean onLeave(String member, LocalDate day) {
        return leave.stream().anyMatch(range -> range.covers(member, day));
    }
}
