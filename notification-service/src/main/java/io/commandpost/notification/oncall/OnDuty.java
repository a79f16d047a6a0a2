package io.commandpost.notification.oncall;

import io.commandpost.events.ShiftKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is on duty for a team at an instant, from the facts rotation publishes and nothing else (pure):
 * <ol>
 *   <li>the shift of either kind that covers the instant ({@code MRO_DAY} in working hours, {@code NIGHT_DUTY}
 *       outside them; rotation publishes a whole uncovered day as night duty), the latest start winning, with the
 *       member rotation planned for it; when no shift covers it, nobody (rotation's answer too: a weekday-only
 *       team without night duty has nobody on weekends; a page waits for a shift rotation has not published
 *       yet, up to its grace period, then fails and escalates);</li>
 *   <li>handovers of that shift made before the instant: within the team the receiver takes the rest of the
 *       shift; to the follow-the-sun partner team, the partner's on-duty person is paged until this team's
 *       next shift starts;</li>
 *   <li>overrides covering the instant for that kind of duty, at any minute, in the order they were recorded, as
 *       GoAlert and rotation apply them: one naming both replaces the removed member by the added one (if the
 *       removed one is on duty), "remove only" takes the member off, "add only" puts the added member on duty
 *       beside whoever is (two people are then paged). Nobody left: nobody is on duty.</li>
 * </ol>
 */
public final class OnDuty {

    private OnDuty() {
    }

    /** @param member whom rotation planned, before overrides (overrides apply at each instant) */
    public record Shift(UUID shiftId, ShiftKind kind, String member, Instant startsAt, Instant endsAt) {
    }

    /** {@code toTeam} null or the team itself: within the team. */
    public record ShiftHandover(UUID shiftId, String toTeam, String toMember, Instant handedOverAt) {
    }

    /** {@code kind} null: either duty; {@code removeMember} null: whoever is on duty. */
    public record Override(ShiftKind kind, String addMember, String removeMember, Instant start, Instant end,
                           Instant recordedAt) {
    }

    public sealed interface Answer {
    }

    /**
     * These members of the team are on duty, on a shift of {@code kind}: one, or more when an "add only" override
     * added someone; the shift's own person first.
     */
    public record Member(List<String> members, ShiftKind kind) implements Answer {
        public Member {
            members = List.copyOf(members);
        }

        public Member(String member, ShiftKind kind) {
            this(List.of(member), kind);
        }

        /** The first on duty (the shift's person unless an override replaced or removed them). */
        public String member() {
            return members.get(0);
        }
    }

    /** Followed the sun: page the partner team's on-duty person. */
    public record Partner(String partnerTeam) implements Answer {
    }

    public static Optional<Answer> at(String team, List<Shift> shifts, List<ShiftHandover> handovers,
                                      List<Override> overrides, Instant at) {
        Optional<Shift> shift = shifts.stream()
                .filter(s -> covers(s, at))
                .max(Comparator.comparing(Shift::startsAt)
                        .thenComparing(s -> s.kind() == ShiftKind.NIGHT_DUTY)
                        .thenComparing(Shift::shiftId));
        if (shift.isEmpty()) {
            return Optional.empty();
        }
        Shift current = shift.get();
        String member = current.member();
        List<ShiftHandover> handed = handovers.stream()
                .filter(h -> h.shiftId().equals(current.shiftId()) && !h.handedOverAt().isAfter(at))
                .sorted(Comparator.comparing(ShiftHandover::handedOverAt))
                .toList();
        for (ShiftHandover handover : handed) {
            if (handover.toTeam() != null && !handover.toTeam().equals(team)) {
                return Optional.of(new Partner(handover.toTeam()));
            }
            member = handover.toMember();
        }
        List<String> members = new ArrayList<>(List.of(member));
        List<Override> active = overrides.stream()
                .filter(o -> !o.start().isAfter(at) && at.isBefore(o.end()))
                .filter(o -> o.kind() == null || o.kind() == current.kind())
                .sorted(Comparator.comparing(Override::recordedAt))
                .toList();
        for (Override override : active) { // as rotation's DutyPlanner.onDutyAt applies them
            if (override.removeMember() != null && members.remove(override.removeMember())
                    && override.addMember() != null) {
                members.add(override.addMember());
            } else if (override.removeMember() == null && override.addMember() != null
                    && !members.contains(override.addMember())) {
                members.add(override.addMember());
            }
        }
        return members.isEmpty() ? Optional.empty() : Optional.of(new Member(members, current.kind()));
    }

    private static boolean covers(Shift shift, Instant at) {
        return !shift.startsAt().isAfter(at) && (shift.endsAt() == null || at.isBefore(shift.endsAt()));
    }
}
