package io.commandpost.incident.queue.projection;

import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import io.commandpost.events.ShiftEvent;
import io.commandpost.events.Topics;
import io.commandpost.incident.queue.ItemKey;
import io.commandpost.incident.queue.QueueActivity;
import io.commandpost.incident.queue.QueueActivityEvolution;
import io.commandpost.incident.queue.QueueEvolution;
import io.commandpost.incident.queue.QueueItem;
import io.commandpost.platform.eventing.Projection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Keeps queue_item up to date from alerts, questions and incidents. The platform applies each event
 * once, in a transaction; this loads the item, folds the event in, and stores the result.
 */
@ApplicationScoped
public class QueueProjection implements Projection {

    public static final String NAME = "mro-queue";

    private final QueueStore store;
    private final QueueActivityStore activities;

    QueueProjection(QueueStore store, QueueActivityStore activities) {
        this.store = store;
        this.activities = activities;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Off the page path (people read the queue (the console polls it every 2 s)): applied in batches under load. */
    @Override
    public boolean mayWait() {
        return true;
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.ALERTS, Topics.QUESTIONS, Topics.INCIDENTS, Topics.SHIFTS);
    }

    @Override
    public void handle(EventEnvelope envelope) {
        envelope.event().ifPresent(event -> {
            keyOf(event).ifPresent(key -> apply(key, event));
            if (event instanceof ShiftEvent.ShiftHandedOver handedOver) {
                activities.handedOver(new QueueActivityStore.LastHandover(handedOver.teamId(),
                        handedOver.handoverId(), handedOver.fromMember(), handedOver.toMember(),
                        handedOver.handedOverAt()));
            }
            for (ItemKey key : QueueActivityEvolution.keysOf(event)) {
                Optional<QueueActivity> current = activities.findForUpdate(key);
                QueueActivity next = QueueActivityEvolution.evolve(key, current, event);
                if (current.isEmpty() || !next.equals(current.get())) {
                    activities.save(next);
                }
            }
        });
    }

    private static Optional<ItemKey> keyOf(DomainEvent event) {
        try {
            return QueueEvolution.keyOf(event);
        } catch (IllegalArgumentException e) {
            // retrying cannot help an event without a team or id: straight to the dead-letter topic
            throw new EventJson.InvalidEnvelopeException(event.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private void apply(ItemKey key, DomainEvent event) {
        Optional<QueueItem> current = store.findForUpdate(key);
        Optional<QueueItem> next = QueueEvolution.evolve(current, event);
        if (next.isPresent() && !next.equals(current)) {
            store.save(next.get());
        }
    }

    @Override
    public void reset() {
        store.deleteAll();
        activities.deleteAll();
    }
}
