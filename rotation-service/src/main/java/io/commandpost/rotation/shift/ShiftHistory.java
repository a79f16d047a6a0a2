package io.commandpost.rotation.shift;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runtime state of a team: the shifts that actually started (stream "shift", id = team id), oldest
 * first, the rest rules announced, the handover given at the end of each shift, and the stream's
 * version for the next expected-version append. Only the last {@link #KEPT} before the latest shift's start are
 * kept (what the rotation facts, the handoff and the handover of the running shift read), so the state, and
 * folding a new event into it, do not grow with the team's age.
 */
public record ShiftHistory(List<ShiftEvent.ShiftStarted> started, long version,
                           List<ShiftEvent.RestRuleApplied> restRules, Map<UUID, UUID> handoverByShift,
                           List<ShiftEvent.TurnSkippedForLeave> leaveSkips,
                           List<ShiftEvent.ShiftHandedOver> handovers) {

    public static final ShiftHistory EMPTY = new ShiftHistory(List.of(), 0);

    /**
     * How far before the latest shift's start the state keeps the past: the rotation facts' four weeks before the
     * last started day, with room for handoffs that ran late (as {@code schedule.TeamPlans} reads the stream).
     */
    public static final Duration KEPT = Duration.ofDays(42);

    public ShiftHistory {
        started = List.copyOf(started);
        restRules = List.copyOf(restRules);
        handoverByShift = Map.copyOf(handoverByShift);
        leaveSkips = List.copyOf(leaveSkips);
        handovers = List.copyOf(handovers);
    }

    public ShiftHistory(List<ShiftEvent.ShiftStarted> started, long version,
                        List<ShiftEvent.RestRuleApplied> restRules, Map<UUID, UUID> handoverByShift,
                        List<ShiftEvent.TurnSkippedForLeave> leaveSkips) {
        this(started, version, restRules, handoverByShift, leaveSkips, List.of());
    }

    public ShiftHistory(List<ShiftEvent.ShiftStarted> started, long version,
                        List<ShiftEvent.RestRuleApplied> restRules, Map<UUID, UUID> handoverByShift) {
        this(started, version, restRules, handoverByShift, List.of());
    }

    public ShiftHistory(List<ShiftEvent.ShiftStarted> started, long version) {
        this(started, version, List.of(), Map.of());
    }

    /** The events the rotation counts (shifts started, turns skipped), for {@code schedule.TeamDuties.facts}. */
    public List<ShiftEvent> rotationFacts() {
        List<ShiftEvent> facts = new ArrayList<>(started);
        facts.addAll(restRules);
        facts.addAll(leaveSkips);
        return facts;
    }

    public static ShiftHistory evolve(ShiftHistory state, ShiftEvent event, long version) {
        if (event instanceof ShiftEvent.ShiftStarted shift) {
            List<ShiftEvent.ShiftStarted> next = new ArrayList<>(state.started);
            next.add(shift);
            return new ShiftHistory(next, version, state.restRules, state.handoverByShift, state.leaveSkips,
                    state.handovers).since(shift.startsAt().minus(KEPT));
        }
        if (event instanceof ShiftEvent.RestRuleApplied rule) {
            List<ShiftEvent.RestRuleApplied> next = new ArrayList<>(state.restRules);
            next.add(rule);
            return new ShiftHistory(state.started, version, next, state.handoverByShift, state.leaveSkips,
                    state.handovers);
        }
        if (event instanceof ShiftEvent.TurnSkippedForLeave skip) {
            List<ShiftEvent.TurnSkippedForLeave> next = new ArrayList<>(state.leaveSkips);
            next.add(skip);
            return new ShiftHistory(state.started, version, state.restRules, state.handoverByShift, next,
                    state.handovers);
        }
        if (event instanceof ShiftEvent.ShiftHandedOver handedOver && handedOver.handoverId() != null) {
            Map<UUID, UUID> next = new HashMap<>(state.handoverByShift);
            next.put(handedOver.shiftId(), handedOver.handoverId());
            List<ShiftEvent.ShiftHandedOver> given = new ArrayList<>(state.handovers);
            given.add(handedOver);
            return new ShiftHistory(state.started, version, state.restRules, next, state.leaveSkips, given);
        }
        return state.at(version);
    }

    /** This state without what happened before {@code cutoff} (itself when nothing is that old). */
    ShiftHistory since(Instant cutoff) {
        if (started.isEmpty() || !started.get(0).startsAt().isBefore(cutoff)) {
            return this;
        }
        LocalDate day = cutoff.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
        List<ShiftEvent.ShiftStarted> keptShifts = started.stream().filter(s -> !s.startsAt().isBefore(cutoff))
                .toList();
        List<ShiftEvent.ShiftHandedOver> keptHandovers = handovers.stream()
                .filter(h -> !h.handedOverAt().isBefore(cutoff)).toList();
        Map<UUID, UUID> keptByShift = new HashMap<>();
        handoverByShift.forEach((shift, handover) -> {
            if (keptHandovers.stream().anyMatch(h -> handover.equals(h.handoverId()))) {
                keptByShift.put(shift, handover);
            }
        });
        return new ShiftHistory(keptShifts, version,
                restRules.stream().filter(rule -> !rule.day().isBefore(day)).toList(), keptByShift,
                leaveSkips.stream().filter(skip -> !skip.day().isBefore(day)).toList(), keptHandovers);
    }

    /** The same state at a later stream version (an event this state does not track). */
    public ShiftHistory at(long version) {
        return new ShiftHistory(started, version, restRules, handoverByShift, leaveSkips, handovers);
    }

    /** The last shift of that kind that started, if any. */
    public Optional<ShiftEvent.ShiftStarted> last(ShiftKind kind) {
        for (int i = started.size() - 1; i >= 0; i--) {
            if (started.get(i).kind() == kind) {
                return Optional.of(started.get(i));
            }
        }
        return Optional.empty();
    }

    /** The last shift that started, of any kind. */
    public Optional<ShiftEvent.ShiftStarted> last() {
        return started.isEmpty() ? Optional.empty() : Optional.of(started.get(started.size() - 1));
    }

    public Optional<ShiftEvent.ShiftStarted> shift(UUID shiftId) {
        return started.stream().filter(shift -> shift.shiftId().equals(shiftId)).findFirst();
    }

    /** Whether the rest rule that keeps {@code skipped} off {@code day} was already announced. */
    public boolean restRuleAnnounced(LocalDate day, String skipped) {
        return restRules.stream().anyMatch(rule -> rule.day().equals(day) && rule.skipped().equals(skipped));
    }

    /** Whether the leave that kept {@code skipped} off {@code day} was already recorded. */
    public boolean leaveSkipRecorded(LocalDate day, String skipped) {
        return leaveSkips.stream().anyMatch(skip -> skip.day().equals(day) && skip.skipped().equals(skipped));
    }

    /** The handovers given of a shift up to {@code at}, oldest first. */
    public List<ShiftEvent.ShiftHandedOver> handoversOf(UUID shiftId, java.time.Instant at) {
        return handovers.stream().filter(h -> h.shiftId().equals(shiftId) && !h.handedOverAt().isAfter(at))
                .sorted(java.util.Comparator.comparing(ShiftEvent.ShiftHandedOver::handedOverAt)).toList();
    }

    public Optional<UUID> handoverOf(UUID shiftId) {
        return Optional.ofNullable(shiftId == null ? null : handoverByShift.get(shiftId));
    }
}
