package io.commandpost.rotation.handover;

import io.commandpost.platform.command.CommandHandler;
import io.commandpost.platform.command.Expected;
import io.commandpost.platform.command.StaleVersionException;
import io.commandpost.platform.command.Versioned;
import io.commandpost.platform.domain.NotFoundException;
import io.commandpost.platform.eventing.ConcurrencyConflictException;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.rotation.handover.openitems.OpenItem;
import io.commandpost.rotation.handover.openitems.OpenItemStore;
import io.commandpost.rotation.team.Team;
import io.commandpost.rotation.team.TeamAggregate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Handovers through the command handler. A submission looks up its receiver and the open items on the
 * stream as read, and is decided at that version: a shift that started meanwhile answers 409 (no silent
 * retry; the MRO submits again).
 */
@ApplicationScoped
public class HandoverService {

    private final CommandHandler handler;
    private final HandoverAggregate handovers;
    private final TeamAggregate teams;
    private final Receivers receivers;
    private final OpenItemStore openItems;

    HandoverService(CommandHandler handler, HandoverAggregate handovers, TeamAggregate teams, Receivers receivers,
                    OpenItemStore openItems) {
        this.handler = handler;
        this.handovers = handovers;
        this.teams = teams;
        this.receivers = receivers;
        this.openItems = openItems;
    }

    public Handover submit(HandoverCommand.Submit command, EventMetadata metadata) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Versioned<Team> team = team(command.teamId());
            Versioned<HandoverLog> log = handler.load(handovers, command.teamId());
            Receiver receiver = log.state().mro().map(shift -> receivers.of(team, shift)).orElse(null);
            List<String> items = openItems.openItems(command.teamId()).stream().map(OpenItem::reference).toList();
            try {
                var handled = handler.handle(handovers, command.teamId(), command.to(receiver, items),
                        Expected.version(log.version()), metadata);
                return handled.state().handover(HandoverDecider.handoverId(command.teamId(),
                        log.state().mro().orElseThrow().shiftId())).orElseThrow();
            } catch (StaleVersionException e) {
                // the stream moved between the lookups and the decision: a lost race, not a stale If-Match
                throw new ConcurrencyConflictException(command.teamId(), log.version(), e.actualVersion());
            }
        });
    }

    public Handover accept(HandoverCommand.Accept command, EventMetadata metadata) {
        return QuarkusTransaction.requiringNew().call(() -> {
            team(command.teamId());
            return handler.handle(handovers, command.teamId(), command, Expected.ANY, metadata).state()
                    .handover(command.handoverId()).orElseThrow();
        });
    }

    public Handover get(String teamId, UUID handoverId) {
        team(teamId);
        return handler.load(handovers, teamId).state().handover(handoverId)
                .orElseThrow(() -> new NotFoundException("no handover " + handoverId));
    }

    /**
     * The team's handovers (those given on its shift stream, to its next MRO or to the partner team), handed over
     * at or after {@code since} (null: all), newest first, at most {@code limit}.
     */
    public List<Handover> list(String teamId, Instant since, int limit) {
        team(teamId);
        return handler.load(handovers, teamId).state().all().stream()
                .filter(handover -> since == null || !handover.handedOverAt().isBefore(since))
                .sorted(Comparator.comparing(Handover::handedOverAt).reversed())
                .limit(limit)
                .toList();
    }

    private Versioned<Team> team(String teamId) {
        return teams.find(teamId).orElseThrow(() -> NotFoundException.of("team", teamId));
    }
}
