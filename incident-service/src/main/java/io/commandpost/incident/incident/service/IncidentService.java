package io.commandpost.incident.incident.service;

import io.commandpost.events.IncidentEvent;
import io.commandpost.incident.incident.Incident;
import io.commandpost.incident.incident.IncidentCommand;
import io.commandpost.incident.incident.IncidentDecider;
import io.commandpost.incident.incident.config.IncidentSettings;
import io.commandpost.incident.incident.store.IncidentRepository;
import io.commandpost.incident.incident.timer.IncidentTimers;
import io.commandpost.incident.queue.ItemKey;
import io.commandpost.incident.queue.ItemKind;
import io.commandpost.incident.queue.QueueItem;
import io.commandpost.incident.queue.projection.QueueStore;
import io.commandpost.incident.question.QuestionRepository;
import io.commandpost.platform.eventing.ConcurrencyConflictException;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.platform.http.DomainRuleException;
import io.commandpost.platform.http.IfMatch;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Write side of incidents: load the stream, fold, decide, append at the version read and set the
 * incident's timer, all in one transaction. A stale If-Match is 412, a concurrent writer 412, a broken
 * rule 409. Moves onto the platform's command handler when it lands.
 */
@ApplicationScoped
public class IncidentService {

    private final IncidentRepository incidents;
    private final IncidentTimers timers;
    private final QueueStore queue;
    private final QuestionRepository questions;
    private final IncidentDecider decider;
    private final Clock clock;

    IncidentService(IncidentRepository incidents, IncidentTimers timers, QueueStore queue,
                    QuestionRepository questions, IncidentSettings settings, Clock clock) {
        this.incidents = incidents;
        this.timers = timers;
        this.queue = queue;
        this.questions = questions;
        this.decider = new IncidentDecider(settings.policy());
        this.clock = clock;
    }

    /** Declares an incident by hand, from alerts of the team's queue or from one of its questions. */
    public Incident declare(IncidentCommand.Declare declare, EventMetadata metadata) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            String team = declare.team() == null ? null : declare.team().strip();
            List<Instant> starts = new ArrayList<>();
            List<String> keys = declare.alertKeys() == null ? List.of() : declare.alertKeys();
            String firstSummary = null;
            for (String key : keys) {
                QueueItem alert = queue.find(new ItemKey(team, ItemKind.ALERT, key)).orElseThrow(
                        () -> new DomainRuleException("/alertKeys", "no alert '" + key + "' in the queue of team '"
                                + team + "'"));
                starts.add(alert.openedAt());
                firstSummary = firstSummary != null ? firstSummary : alert.summary();
            }
            QueueItem question = null;
            if (declare.questionId() != null) {
                question = queue.find(new ItemKey(team, ItemKind.QUESTION, declare.questionId().toString()))
                        .filter(QueueItem::isOpen)
                        .orElseThrow(() -> new DomainRuleException("/questionId", "no open question "
                                + declare.questionId() + " in the queue of team '" + team + "'"));
                starts.add(question.openedAt());
            }
            String title = declare.title() != null && !declare.title().isBlank() ? declare.title()
                    : firstSummary != null ? firstSummary : question != null ? question.summary() : null;
            Instant impact = starts.stream().filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
            IncidentCommand.Declare resolved = new IncidentCommand.Declare(declare.incidentId(), team, title,
                    declare.severity(), keys, declare.questionId(), impact, declare.by());
            Incident incident = apply(declare.incidentId(), IncidentRepository.Loaded.empty(), resolved, now,
                    metadata);
            if (question != null) {
                questions.turnedIntoIncident(declare.questionId(), team, incident.incidentId(), incident.declaredBy(),
                        now, metadata);
            }
            return incident;
        });
    }

    /** Runs a command on an existing incident; {@code ifMatch} is the request's If-Match. */
    public Incident handle(UUID incidentId, IncidentCommand command, IfMatch ifMatch, EventMetadata metadata) {
        if (command instanceof IncidentCommand.Declare) {
            throw new IllegalArgumentException("declare through declare()");
        }
        Supplier<Incident> attempt = () -> QuarkusTransaction.requiringNew().call(() -> {
            IncidentRepository.Loaded loaded = load(incidentId);
            ifMatch.require("incident " + incidentId, loaded.state().version());
            return apply(incidentId, loaded, command, clock.instant(), metadata);
        });
        try {
            return attempt.get();
        } catch (RuntimeException e) {
            // Without If-Match the caller named no version: a write that landed meanwhile (a reminder the
            // timer raised) is decided on once more, on fresh state. With If-Match, the 412 is the answer.
            if (ifMatch.header() != null || !ConcurrencyConflictException.isCauseOf(e)) {
                throw e;
            }
            return attempt.get();
        }
    }

    public IncidentRepository.Loaded load(UUID incidentId) {
        IncidentRepository.Loaded loaded = incidents.load(incidentId);
        if (!loaded.state().declared()) {
            throw Problem.notFound("no incident " + incidentId).exception();
        }
        return loaded;
    }

    /**
     * Wakes one due incident, if any: its reminders are decided by the pure {@code tick} and appended at the
     * version read, and its timer moves on. Returns whether an incident was due.
     */
    public boolean wakeOne() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Optional<UUID> due = timers.claimDue(now);
            if (due.isEmpty()) {
                return false;
            }
            Incident state = incidents.load(due.get()).state();
            List<IncidentEvent> events = decider.tick(state, now);
            incidents.append(due.get(), state, events, EventMetadata.fresh());
            Incident after = fold(state, events);
            Optional<Instant> next = decider.wakeAt(after);
            // never wake again for what was just handled: a wake time not after now means nothing new is due yet
            timers.schedule(due.get(), next.map(at -> at.isAfter(now) ? at : now.plusSeconds(1)));
            return true;
        });
    }

    private Incident apply(UUID incidentId, IncidentRepository.Loaded loaded, IncidentCommand command, Instant now,
                           EventMetadata metadata) {
        if (incidentId == null) {
            throw InvalidInputException.field("/incidentId", "is required");
        }
        Incident state = loaded.state();
        List<IncidentEvent> events = decider.decide(command, state, now);
        incidents.append(incidentId, state, events, metadata);
        Incident after = fold(state, events);
        timers.schedule(incidentId, decider.wakeAt(after));
        return after;
    }

    private Incident fold(Incident state, List<IncidentEvent> events) {
        Incident after = state;
        for (IncidentEvent event : events) {
            after = decider.evolve(after, event);
        }
        return after;
    }

    /** Used by projections and the API that derive views from the same rules. */
    public IncidentDecider decider() {
        return decider;
    }
}
