package io.commandpost.notification.delivery;

import io.commandpost.notification.config.NotifyConfig;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.platform.eventing.EventStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Delivers PENDING pages. Each attempt runs in its own transaction that locks the row (skip locked,
 * so replicas share the queue), POSTs, and records the outcome together with its NotificationSent /
 * NotificationFailed event in the outbox. A crash after the POST but before the commit sends the page
 * again: delivery is at-least-once and receivers dedupe on notificationId.
 */
@ApplicationScoped
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
    private static final int MAX_ATTEMPTS_PER_TICK = 100;

    private final Notifications notifications;
    private final WebhookSender sender;
    private final EventStore eventStore;
    private final Clock clock;
    private final RetryPolicy retry;

    WebhookDelivery(Notifications notifications, WebhookSender sender, EventStore eventStore, Clock clock,
                    NotifyConfig config) {
        this.notifications = notifications;
        this.sender = sender;
        this.eventStore = eventStore;
        this.clock = clock;
        NotifyConfig.Webhook webhook = config.webhook();
        this.retry = new RetryPolicy(webhook.maxAttempts(), webhook.backoff(), webhook.maxBackoff());
    }

    @Scheduled(every = "${commandpost.notify.webhook.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        try {
            for (int i = 0; i < MAX_ATTEMPTS_PER_TICK && attemptNext(); i++) {
                // keep going while pages are due
            }
        } catch (Exception e) {
            LOG.warnf(e, "page delivery will retry at the next tick");
        }
    }

    /** Makes one attempt at the next due page; false when none is due. */
    public boolean attemptNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Notification> due = notifications.claimNextDue(clock.instant());
            due.ifPresent(this::attempt);
            return due.isPresent();
        });
    }

    private void attempt(Notification notification) {
        MDC.put("correlationId", String.valueOf(notification.correlationId()));
        try {
            int attempts = notification.attempts() + 1;
            AttemptResult result = sender.send(notification, clock.instant());
            Instant now = clock.instant();
            EventMetadata metadata = new EventMetadata(notification.correlationId(), notification.triggeredBy());
            if (result.delivered()) {
                notifications.markSent(notification.notificationId(), attempts, now);
                eventStore.publishInTransaction(List.of(notification.sent(attempts, now)), metadata);
                LOG.infof("paged %s of %s for %s (attempt %d)", notification.recipientHandle(), notification.team(),
                        notification.subjectId(), attempts);
            } else if (!result.retryable() || retry.exhausted(attempts)) {
                notifications.markFailed(notification.notificationId(), attempts, now, result.detail());
                eventStore.publishInTransaction(List.of(notification.failed(attempts, result.detail(), now)), metadata);
                LOG.errorf("page %s to %s of %s failed for good after %d attempts: %s", notification.notificationId(),
                        notification.recipientHandle(), notification.team(), attempts, result.detail());
            } else {
                Instant next = now.plus(retry.delayAfter(attempts));
                notifications.scheduleRetry(notification.notificationId(), attempts, now, next, result.detail());
                LOG.warnf("page %s attempt %d failed (%s); next at %s", notification.notificationId(), attempts,
                        result.detail(), next);
            }
        } finally {
            MDC.remove("correlationId");
        }
    }
}
