package io.commandpost.rotation.handover;

import io.commandpost.events.ShiftEvent;
import io.commandpost.platform.command.Decider;
import io.commandpost.platform.domain.InvalidCommandException;
import io.commandpost.platform.domain.NotFoundException;
import io.commandpost.platform.domain.RuleViolationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides handovers from a team's shift stream. Pure: the receiver and the open items are looked
 * up by adapters and passed in, time comes as an argument. As a {@link Decider} ({@link #rules}) it wakes
 * at the earliest acceptance deadline still open, and its tick reports what is {@link #overdue}.
 */
public final class HandoverDecider {

    static final int MAX_NOTES = 10_000;

    private HandoverDecider() {
    }

    /** The handovers of one team's shift stream as the command handler runs them. */
    public static Decider<HandoverCommand, HandoverLog, ShiftEvent> rules(Duration acceptWithin) {
        return new Decider<>() {
            @Override
            public HandoverLog initial() {
                return HandoverLog.EMPTY;
            }

            @Override
            public HandoverLog evolve(HandoverLog state, ShiftEvent event) {
                return HandoverLog.evolve(state, event, state.version() + 1);
            }

            @Override
            public List<ShiftEvent> decide(HandoverCommand command, HandoverLog state, Instant now) {
                if (command instanceof HandoverCommand.Submit submit) {
                    return List.of(submit(submit, state, submit.receiver(), submit.openItems(), now, acceptWithin));
                }
                return List.of(accept((HandoverCommand.Accept) command, state, now));
            }

            @Override
            public List<ShiftEvent> tick(HandoverLog state, Instant now) {
                return List.copyOf(overdue(state, now));
            }

            @Override
            public Optional<Instant> wakeAt(HandoverLog state) {
                return nextDeadline(state);
            }
        };
    }

    /** The earliest acceptance deadline of a handover neither accepted nor reported overdue. */
    public static Optional<Instant> nextDeadline(HandoverLog log) {
        return log.all().stream()
                .filter(handover -> !handover.accepted() && handover.overdueDetectedAt() == null
                        && handover.acceptBy() != null)
                .map(Handover::acceptBy).min(Instant::compareTo);
    }

    /**
     * Only the MRO on duty may hand over, once per shift. The handover id is derived from the shift,
     * so two racing submissions propose the same handover and the expected version lets one through.
     */
    public static ShiftEvent.ShiftHandedOver submit(HandoverCommand.Submit command, HandoverLog log, Receiver receiver,
                                                    List<String> openItems, Instant now, Duration acceptWithin) {
        if (blank(command.from())) {
            throw new InvalidCommandException("from", "must name the MRO handing over");
        }
        String notes = command.notes() == null ? "" : command.notes();
        if (notes.length() > MAX_NOTES) {
            throw new InvalidCommandException("notes", "must be at most " + MAX_NOTES + " characters");
        }
        ShiftEvent.ShiftStarted shift = log.mro()
                .orElseThrow(() -> new RuleViolationException("team " + command.teamId() + " has no MRO on duty"));
        if (!shift.member().equals(command.from())) {
            throw new RuleViolationException("only the MRO on duty (" + shift.member() + ") may hand over");
        }
        UUID handoverId = handoverId(command.teamId(), shift.shiftId());
        if (log.handover(handoverId).isPresent()) {
            throw new RuleViolationException("shift " + shift.shiftId() + " was already handed over");
        }
        if (receiver == null || receiver.member() == null) {
            throw new RuleViolationException("nobody is on duty to receive the handover");
        }
        return new ShiftEvent.ShiftHandedOver(command.teamId(), shift.shiftId(), handoverId, command.from(),
                receiver.teamId(), receiver.member(), notes, List.copyOf(openItems), now.plus(acceptWithin), now);
    }

    /** Only the receiver accepts, once. */
    public static ShiftEvent.ShiftHandoverAccepted accept(HandoverCommand.Accept command, HandoverLog log,
                                                          Instant now) {
        if (blank(command.by())) {
            throw new InvalidCommandException("by", "must name the receiver accepting");
        }
        Handover handover = log.handover(command.handoverId())
                .orElseThrow(() -> new NotFoundException("no handover " + command.handoverId()));
        if (!handover.toMember().equals(command.by())) {
            throw new RuleViolationException("only the receiver (" + handover.toMember() + ") may accept");
        }
        if (handover.accepted()) {
            throw new RuleViolationException("handover " + command.handoverId() + " was already accepted by "
                    + handover.acceptedBy());
        }
        return new ShiftEvent.ShiftHandoverAccepted(command.teamId(), command.handoverId(), command.by(), now);
    }

    /** Every handover past its deadline, not accepted and not reported yet: reported once. */
    public static List<ShiftEvent.HandoverAcceptanceOverdue> overdue(HandoverLog log, Instant now) {
        List<ShiftEvent.HandoverAcceptanceOverdue> overdue = new ArrayList<>();
        for (Handover handover : log.all()) {
            if (!handover.accepted() && handover.overdueDetectedAt() == null && handover.acceptBy() != null
                    && !now.isBefore(handover.acceptBy())) {
                overdue.add(new ShiftEvent.HandoverAcceptanceOverdue(handover.teamId(), handover.handoverId(),
                        handover.toTeamId(), handover.toMember(), handover.acceptBy(), now));
            }
        }
        return overdue;
    }

    public static UUID handoverId(String teamId, UUID shiftId) {
        return UUID.nameUUIDFromBytes(("handover|" + teamId + "|" + shiftId).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
