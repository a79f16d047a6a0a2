package io.commandpost.rotation.duty;

import io.commandpost.events.ShiftKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What besides configuration shapes the plan: leave, overrides and real night pages (history).
 * Each carries when it became known, so it only changes days that had not started yet: a day's
 * plan is fixed once its handoff happened.
 */
public record DutyInputs(List<Leave> leave, List<Override> overrides, List<NightPage> nightPages) {

    public static final DutyInputs NONE = new DutyInputs(List.of(), List.of(), List.of());

    public DutyInputs {
        leave = List.copyOf(leave);
        overrides = List.copyOf(overrides);
        nightPages = List.copyOf(nightPages);
    }

    /**
     * A member is away for whole team-local days, {@code from} to {@code to} inclusive; it counts
     * for the periods starting in [{@code recordedAt}, {@code cancelledAt}).
     */
    public record Leave(String member, LocalDate from, LocalDate to, Instant recordedAt, Instant cancelledAt) {

        public Leave(String member, LocalDate from, LocalDate to) {
            this(member, from, to, Instant.MIN, null);
        }

        boolean covers(String handle, LocalDate day, Instant periodStart) {
            return member.equals(handle) && !day.isBefore(from) && !day.isAfter(to)
                    && !periodStart.isBefore(recordedAt) && (cancelledAt == null || periodStart.isBefore(cancelledAt));
        }
    }

    /**
     * GoAlert's single override record for [start, end): add only adds a person, remove only removes
     * one, both replace {@code remove} by {@code add}. {@code kind} null changes either duty.
     */
    public record Override(ShiftKind kind, String add, String remove, Instant start, Instant end) {
        public Override {
            if (add == null && remove == null) {
                throw new IllegalArgumentException("an override adds, removes or replaces someone");
            }
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("an override ends after it starts");
            }
        }

        public Override(String add, String remove, Instant start, Instant end) {
            this(null, add, remove, start, end);
        }

        boolean active(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }

        boolean appliesTo(ShiftKind duty) {
            return kind == null || kind == duty;
        }

        boolean overlaps(Instant from, Instant to) {
            return start.isBefore(to) && end.isAfter(from);
        }
    }

    /**
     * A page actually delivered to a member (from the notification events); {@code recordedAt} is
     * when this service learnt of it, so a page learnt after the next day started changes nothing.
     */
    public record NightPage(String member, Instant at, Instant recordedAt) {
        public NightPage(String member, Instant at) {
            this(member, at, at);
        }
    }

    boolean onLeave(String member, LocalDate day, Instant periodStart) {
        return leave.stream().anyMatch(range -> range.covers(member, day, periodStart));
    }

    /** Who works the duty starting at {@code start} when {@code planned} was planned: replacements applied. */
    public String startingMember(ShiftKind kind, String planned, Instant start) {
        for (Override override : overrides) {
            if (override.appliesTo(kind) && override.active(start) && override.remove() != null
                    && override.remove().equals(planned) && override.add() != null) {
                return override.add();
            }
        }
        return planned;
    }
}
