package io.commandpost.notification.paging;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.Topics;
import io.commandpost.notification.config.NotifyConfig;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.Notifications;
import io.commandpost.notification.delivery.PageAlert;
import io.commandpost.notification.oncall.OnCallDirectory;
import io.commandpost.notification.oncall.Recipient;
import io.commandpost.platform.eventing.EventConsumer;
import io.commandpost.platform.eventing.EventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns new alerts into pending pages for the team's current MRO (sent later by the webhook worker;
 * when no MRO is known yet, the worker resolves one at delivery time within a grace period).
 * Side-effecting, hence a consumer and not a rebuildable projection. The page is queued in the
 * transaction that claims the alert event, so each alert event queues at most one page.
 */
@ApplicationScoped
public class PagingConsumer implements EventConsumer {

    private static final Logger LOG = Logger.getLogger(PagingConsumer.class);

    private final OpenAlerts openAlerts;
    private final OnCallDirectory onCall;
    private final Notifications notifications;
    private final Clock clock;
    private final Duration grace;

    PagingConsumer(OpenAlerts openAlerts, OnCallDirectory onCall, Notifications notifications, Clock clock,
                   NotifyConfig config) {
        this.openAlerts = openAlerts;
        this.onCall = onCall;
        this.notifications = notifications;
        this.clock = clock;
        this.grace = config.resolve().grace();
    }

    @Override
    public String name() {
        return "paging";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.ALERTS);
    }

    @Override
    public void handle(EventEnvelope envelope) {
        Optional<DomainEvent> event = envelope.event();
        if (event.isPresent() && event.get() instanceof AlertEvent.AlertReceived received) {
            onReceived(envelope, received);
        } else if (event.isPresent() && event.get() instanceof AlertEvent.AlertResolved resolved) {
            openAlerts.close(resolved.team(), resolved.dedupKey());
        }
    }

    private void onReceived(EventEnvelope envelope, AlertEvent.AlertReceived received) {
        Optional<OpenPage> open = openAlerts.lockAndFind(received.team(), received.dedupKey());
        PagingRules.Decision decision = PagingRules.onAlertReceived(open, onCall.currentMro(received.team()));
        if (decision instanceof PagingRules.AlreadyPaged already) {
            LOG.debugf("alert %s of %s is already paged by %s", received.dedupKey(), received.team(),
                    already.page().notificationId());
            return;
        }
        Instant now = clock.instant();
        UUID notificationId = notificationIdFor(envelope.eventId());
        Recipient recipient = ((PagingRules.Page) decision).recipient();
        notifications.insert(Notification.page(notificationId, received.team(), recipient, PageAlert.of(received),
                envelope.eventId(), EventMetadata.causedBy(envelope).correlationId(), now, now.plus(grace)));
        if (recipient == null) {
            LOG.warnf("alert %s of %s: no MRO known yet, the page waits for one until %s", received.dedupKey(),
                    received.team(), now.plus(grace));
        }
        openAlerts.open(received.team(), received.dedupKey(), notificationId, now);
    }

    /** Derived from the alert event, so even a replay of the same event cannot create a second page. */
    static UUID notificationIdFor(UUID alertEventId) {
        return UUID.nameUUIDFromBytes(("page:" + alertEventId).getBytes(StandardCharsets.UTF_8));
    }
}
