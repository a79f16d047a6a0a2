package io.commandpost.rotation.handover.openitems;

import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import io.commandpost.events.Topics;
import io.commandpost.platform.eventing.Projection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * rotation-service's own view of every team's open queue items, so a handover can carry them
 * forward without a synchronous call to incident-service.
 */
@ApplicationScoped
public class OpenItemsProjection implements Projection {

    public static final String NAME = "open-items";

    private final OpenItemStore store;

    OpenItemsProjection(OpenItemStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Off the page path (a handover reads open items minutes apart): applied in batches under load. */
    @Override
    public boolean mayWait() {
        return true;
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.ALERTS, Topics.QUESTIONS, Topics.INCIDENTS);
    }

    @Override
    public void handle(EventEnvelope envelope) {
        envelope.event().ifPresent(event -> keyOf(event).ifPresent(key -> apply(key, event)));
    }

    private static Optional<OpenItem.Key> keyOf(DomainEvent event) {
        try {
            return OpenItemsEvolution.keyOf(event);
        } catch (IllegalArgumentException e) {
            // retrying cannot give an event a team or an id: straight to the dead-letter topic
            throw new EventJson.InvalidEnvelopeException(event.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private void apply(OpenItem.Key key, DomainEvent event) {
        Optional<OpenItem> current = store.findForUpdate(key);
        Optional<OpenItem> next = OpenItemsEvolution.evolve(current, event);
        if (next.isPresent() && !next.equals(current)) {
            store.save(next.get());
        }
    }

    @Override
    public void reset() {
        store.deleteAll();
    }
}
