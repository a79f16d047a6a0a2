package io.commandpost.incident.incident.service;

import io.commandpost.incident.incident.Incident;
import io.commandpost.incident.incident.IncidentCommand;
import io.commandpost.incident.incident.store.IncidentRepository;
import io.commandpost.incident.queue.ItemKey;
import io.commandpost.incident.queue.ItemKind;
import io.commandpost.incident.queue.QueueItem;
import io.commandpost.incident.queue.projection.QueueStore;
import io.commandpost.incident.question.QuestionRepository;
import io.commandpost.platform.command.CommandHandler;
import io.commandpost.platform.command.Expected;
import io.commandpost.platform.command.Handled;
import io.commandpost.platform.domain.NotFoundException;
import io.commandpost.platform.domain.RuleViolationException;
import io.commandpost.platform.eventing.ConcurrencyConflictException;
import io.commandpost.platform.eventing.EventMetadata;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Write side of incidents on the platform's command handler (load, fold, decide, append at the version
 * read, store the next wake; the timer worker calls the decider's tick). A stale If-Match is 412, a broken
 * rule 409. Declaring from alerts or a question first reads what the queue projection knows of them.
 */
@ApplicationScoped
public class IncidentService {

    private final CommandHandler handler;
    private final IncidentAggregate incidents;
    private final IncidentRepository repository;
    private final QueueStore queue;
    private final QuestionRepository questions;
    private final Clock clock;

    IncidentService(CommandHandler handler, IncidentAggregate incidents, IncidentRepository repository,
                    QueueStore queue, QuestionRepository questions, Clock clock) {
        this.handler = handler;
        this.incidents = incidents;
        this.repository = repository;
        this.queue = queue;
        this.questions = questions;
        this.clock = clock;
    }

    /** Declares an incident by hand, from alerts of the team's queue or from one of its open questions. */
    public Handled<Incident> declare(IncidentCommand.Declare declare, EventMetadata metadata) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String team = declare.team() == null ? null : declare.team().strip();
            List<Instant> starts = new ArrayList<>();
            List<String> keys = declare.alertKeys() == null ? List.of() : declare.alertKeys();
            String firstSummary = null;
            for (String key : keys) {
                QueueItem alert = queue.find(new ItemKey(team, ItemKind.ALERT, key)).orElseThrow(
                        () -> new RuleViolationException("alertKeys", "no alert '" + key + "' in the queue of team '"
                                + team + "'"));
                starts.add(alert.openedAt());
                firstSummary = firstSummary != null ? firstSummary : alert.summary();
            }
            QueueItem question = null;
            if (declare.questionId() != null) {
                question = queue.find(new ItemKey(team, ItemKind.QUESTION, declare.questionId().toString()))
                        .filter(QueueItem::isOpen)
                        .orElseThrow(() -> new RuleViolationException("questionId", "no open question "
                                + declare.questionId() + " in the queue of team '" + team + "'"));
                starts.add(question.openedAt());
            }
            String title = declare.title() != null && !declare.title().isBlank() ? declare.title()
                    : firstSummary != null ? firstSummary : question != null ? question.summary() : null;
            Instant impact = starts.stream().filter(Objects::nonNull).min(Instant::compareTo).orElse(null);
            IncidentCommand.Declare complete = new IncidentCommand.Declare(declare.incidentId(), team, title,
                    declare.severity(), keys, declare.questionId(), impact, declare.by());
            Handled<Incident> declared = handler.handle(incidents, declare.incidentId().toString(), complete,
                    Expected.version(0), metadata);
            if (question != null) {
                questions.turnedIntoIncident(declare.questionId(), team, declare.incidentId(),
                        declared.state().declaredBy(), clock.instant(), metadata);
            }
            return declared;
        });
    }

    /**
     * Runs a command on an existing incident. Without If-Match ({@code Expected.ANY}) a write that landed
     * between read and append (a reminder the timer raised) is decided on once more, on fresh state; with
     * If-Match, the caller named a version and gets the 412.
     */
    public Handled<Incident> handle(UUID incidentId, IncidentCommand command, Expected expected,
                                    EventMetadata metadata) {
        if (command instanceof IncidentCommand.Declare) {
            throw new IllegalArgumentException("declare through declare()");
        }
        Supplier<Handled<Incident>> attempt = () -> QuarkusTransaction.requiringNew().call(
                () -> handler.handle(incidents, incidentId.toString(), command, expected, metadata));
        try {
            return attempt.get();
        } catch (RuntimeException e) {
            if (expected != Expected.ANY || !ConcurrencyConflictException.isCauseOf(e)) {
                throw e;
            }
            return attempt.get();
        }
    }

    public IncidentRepository.Loaded load(UUID incidentId) {
        IncidentRepository.Loaded loaded = repository.load(incidentId);
        if (!loaded.state().declared()) {
            throw NotFoundException.of("incident", incidentId);
        }
        return loaded;
    }

    public Instant nextUpdateDue(Incident incident) {
        return incidents.rules().nextUpdateDue(incident);
    }
}
