package io.commandpost.notification.oncall;

import io.commandpost.events.ShiftKind;
import java.time.Instant;
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
 *   <li>overrides covering the instant for that kind of duty, at any minute: the added member replaces the
 *       removed one (or whoever is on duty when none is named); the override recorded last wins.</li>
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

    /** This team's member is on duty, on a shift of {@code kind}. */
    public record Member(String member, ShiftKind kind) implements Answer {
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
        String onDuty = member;
        Optional<Override> override = overrides.stream()
                .filter(o -> !o.start().isAfter(at) && at.isBefore(o.end()))
                .filter(o -> o.kind() == null || o.kind() == current.kind())
                .filter(o -> o.removeMember() == null || o.removeMember().equals(onDuty))
                .max(Comparator.comparing(Override::recordedAt));
        return Optional.of(new Member(override.map(Override::addMember).orElse(member), current.kind()));
    }

    private static boolean covers(Shift shift, Instant at) {
        return !shift.startsAt().isAfter(at) && (shift.endsAt() == null || at.isBefore(shift.endsAt()));
    }
}
