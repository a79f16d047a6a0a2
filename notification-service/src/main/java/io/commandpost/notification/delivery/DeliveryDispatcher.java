package io.commandpost.notification.delivery;

import io.commandpost.notification.config.NotifyConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

/**
 * Runs the delivery lanes: pages in their own lane, so announcements and reminders never hold a page
 * back. A lane starts as soon as a delivery's transaction commits ({@link DeliveryQueued}), sleeps until
 * the next retry falls due, and sweeps at a coarse interval for rows no commit here announced.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private final DeliveryLane pages;
    private final DeliveryLane others;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    DeliveryDispatcher(WebhookDelivery delivery, NotifyConfig config, Clock clock, DeliveryMetrics metrics) {
        this.metrics = metrics;
        this.clock = clock;
        NotifyConfig.Webhook webhook = config.webhook();
        this.pages = new DeliveryLane("pages", EnumSet.of(DeliveryKind.PAGE), webhook.pageWorkers(),
                webhook.perRecipient(), delivery, clock, webhook.sweepInterval());
        this.others = new DeliveryLane("others", EnumSet.complementOf(EnumSet.of(DeliveryKind.PAGE)),
                webhook.otherWorkers(), webhook.perRecipient(), delivery, clock, webhook.sweepInterval());
    }

    void start(@Observes StartupEvent startup) {
        lanes().forEach(DeliveryLane::start);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        lanes().forEach(DeliveryLane::stop);
    }

    /** Wakes the lane of a delivery once the transaction that stored it committed. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryQueued queued) {
        (queued.kind() == DeliveryKind.PAGE ? pages : others).wake();
        metrics.committed(queued.kind(), queued.createdAt(), clock.instant());
    }

    private List<DeliveryLane> lanes() {
        return List.of(pages, others);
    }
}
