package io.commandpost.incident.question;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.QuestionEvent;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.platform.eventing.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the MRO did with a question, as a stream in incident-service's event store (the question itself was
 * asked through intake and is known from the queue projection).
 */
@ApplicationScoped
public class QuestionRepository {

    public static final String STREAM_TYPE = "question";

    private final EventStore store;

    QuestionRepository(EventStore store) {
        this.store = store;
    }

    /** The actions taken on the question so far, in order, and the stream version they make. */
    public record Actions(List<QuestionEvent> events, long version) {
    }

    public Actions load(UUID questionId) {
        List<EventEnvelope> envelopes = store.load(STREAM_TYPE, questionId.toString());
        List<QuestionEvent> events = envelopes.stream()
                .map(envelope -> envelope.event().filter(QuestionEvent.class::isInstance)
                        .map(QuestionEvent.class::cast).orElseThrow())
                .toList();
        return new Actions(events, envelopes.size());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(UUID questionId, long expectedVersion, List<? extends QuestionEvent> events,
                       EventMetadata metadata) {
        if (!events.isEmpty()) {
            store.append(STREAM_TYPE, questionId.toString(), expectedVersion, events, metadata);
        }
    }

    /** Records that the question became an incident (in the transaction that declared it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void turnedIntoIncident(UUID questionId, String team, UUID incidentId, String by, Instant at,
                                   EventMetadata metadata) {
        Actions actions = load(questionId);
        if (actions.events().stream().anyMatch(QuestionEvent.QuestionTurnedIntoIncident.class::isInstance)) {
            throw new io.commandpost.platform.domain.RuleViolationException("questionId", "question " + questionId
                    + " was already turned into an incident");
        }
        append(questionId, actions.version(), List.of(new QuestionEvent.QuestionTurnedIntoIncident(questionId, team,
                incidentId, by, at)), metadata);
    }
}
