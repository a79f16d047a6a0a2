package io.commandpost.rotation.handover;

import io.commandpost.events.ShiftEvent;
import io.commandpost.platform.eventing.ConcurrencyConflictException;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.rotation.NoSuchEntityException;
import io.commandpost.rotation.handover.openitems.OpenItem;
import io.commandpost.rotation.handover.openitems.OpenItemStore;
import io.commandpost.rotation.team.TeamRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Write side of handovers: load the shift stream, decide, append at the version read. A conflict
 * (a shift started or another handover event landed meanwhile) re-runs the decision once on fresh
 * state; a second conflict reaches the caller as 412.
 */
@ApplicationScoped
public class HandoverService {

    private final TeamRepository teams;
    private final HandoverRepository logs;
    private final Receivers receivers;
    private final OpenItemStore openItems;
    private final HandoverSettings settings;
    private final Clock clock;

    HandoverService(TeamRepository teams, HandoverRepository logs, Receivers receivers, OpenItemStore openItems,
                    HandoverSettings settings, Clock clock) {
        this.teams = teams;
        this.logs = logs;
        this.receivers = receivers;
        this.openItems = openItems;
        this.settings = settings;
        this.clock = clock;
    }

    public Handover submit(HandoverCommand.Submit command, EventMetadata metadata) {
        return retryOnce(() -> QuarkusTransaction.requiringNew().call(() -> {
            TeamRepository.Versioned team = team(command.teamId());
            HandoverLog log = logs.load(command.teamId());
            Receiver receiver = log.mro().map(shift -> receivers.of(team, shift)).orElse(null);
            List<String> items = openItems.openItems(command.teamId()).stream().map(OpenItem::reference).toList();
            ShiftEvent.ShiftHandedOver given = HandoverDecider.submit(command, log, receiver, items, clock.instant(),
                    settings.acceptWithin());
            return appendAndGet(command.teamId(), log, given, given.handoverId(), metadata);
        }));
    }

    public Handover accept(HandoverCommand.Accept command, EventMetadata metadata) {
        return retryOnce(() -> QuarkusTransaction.requiringNew().call(() -> {
            team(command.teamId());
            HandoverLog log = logs.load(command.teamId());
            ShiftEvent.ShiftHandoverAccepted accepted = HandoverDecider.accept(command, log, clock.instant());
            return appendAndGet(command.teamId(), log, accepted, command.handoverId(), metadata);
        }));
    }

    public Handover get(String teamId, UUID handoverId) {
        team(teamId);
        return logs.load(teamId).handover(handoverId)
                .orElseThrow(() -> new NoSuchEntityException("no handover " + handoverId));
    }

    /** Reports every overdue handover of a team once; returns how many this caller reported. */
    public int reportOverdue(String teamId, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            HandoverLog log = logs.load(teamId);
            var overdue = HandoverDecider.overdue(log, now);
            logs.append(teamId, log, overdue, EventMetadata.fresh());
            return overdue.size();
        });
    }

    private Handover appendAndGet(String teamId, HandoverLog log, ShiftEvent event, UUID handoverId,
                                  EventMetadata metadata) {
        var stored = logs.append(teamId, log, List.of(event), metadata);
        HandoverLog after = HandoverLog.evolve(log, event, stored.get(stored.size() - 1).aggregateVersion());
        return after.handover(handoverId).orElseThrow();
    }

    private TeamRepository.Versioned team(String teamId) {
        return teams.find(teamId).orElseThrow(() -> NoSuchEntityException.team(teamId));
    }

    private static <T> T retryOnce(Supplier<T> attempt) {
        try {
            return attempt.get();
        } catch (RuntimeException e) {
            if (!ConcurrencyConflictException.isCauseOf(e)) {
                throw e;
            }
            return attempt.get();
        }
    }
}
