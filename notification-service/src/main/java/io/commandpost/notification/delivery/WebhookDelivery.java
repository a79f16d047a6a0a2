package io.commandpost.notification.delivery;

import io.commandpost.notification.config.NotifyConfig;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.platform.eventing.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import io.commandpost.notification.oncall.OnCallLookup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Delivers PENDING pages, reminders and announcements, one delivery per call, driven by the
 * {@link DeliveryDispatcher}. Each turn runs in its own transaction that locks the row (skip locked, so
 * workers and replicas share the queue), first resolves a recipient or text the
 * delivery still lacks (see {@link Resolver}), then hands it to the {@link ChannelSender} of its channel
 * (the retry rules here are the same for every channel), and records the outcome together with its
 * NotificationSent / NotificationFailed event in the outbox. A crash after the POST but before the
 * commit sends it again: delivery is at-least-once and receivers dedupe on notificationId.
 */
@ApplicationScoped
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);

    private final Notifications notifications;
    private final ChannelSenders senders;
    private final Outbox outbox;
    private final Clock clock;
    private final RetryPolicy retry;
    private final OnCallLookup onCall;
    private final SubjectTexts texts;
    private final Duration recheck;
    private final boolean emailEnabled;
    private final DelayedPages delayed;
    private final DeliveryMetrics metrics;

    WebhookDelivery(Notifications notifications, ChannelSenders senders, Outbox outbox, Clock clock,
                    NotifyConfig config, OnCallLookup onCall, SubjectTexts texts, DelayedPages delayed,
                    DeliveryMetrics metrics) {
        this.metrics = metrics;
        this.notifications = notifications;
        this.senders = senders;
        this.emailEnabled = config.email().enabled();
        this.delayed = delayed;
        this.outbox = outbox;
        this.clock = clock;
        this.onCall = onCall;
        this.texts = texts;
        NotifyConfig.Webhook webhook = config.webhook();
        this.retry = new RetryPolicy(webhook.maxAttempts(), webhook.backoff(), webhook.maxBackoff());
        this.recheck = config.resolve().recheck();
    }

    /** Takes the next due delivery of any kind one step further; false when none is due. */
    public boolean attemptNext() {
        return attemptNext(EnumSet.allOf(DeliveryKind.class), Set.of(), claimed -> { }).isPresent();
    }

    /**
     * Claims the next due delivery of these kinds not addressed to a busy recipient and takes it one step
     * further, all in one transaction that holds the row (skip locked: another worker or replica never
     * gets it meanwhile). {@code onClaim} hears of the claim before the attempt, so a dispatcher can
     * start the next worker while this one waits for the receiver.
     *
     * @return the delivery that was claimed, empty when none was due
     */
    public Optional<Notification> attemptNext(Set<DeliveryKind> kinds, Collection<String> busyRecipients,
                                              Consumer<Notification> onClaim) {
        return attempt(kinds, busyRecipients, onClaim).map(Attempt::claimed);
    }

    /**
     * What one turn did: the delivery it claimed, and whether that delivery is still PENDING afterwards (a retry
     * or a recipient still awaited: it falls due again later).
     */
    record Attempt(Notification claimed, boolean stillPending) {
    }

    /** {@link #attemptNext(Set, Collection, Consumer)}, telling whether the delivery it took is still pending. */
    Optional<Attempt> attempt(Set<DeliveryKind> kinds, Collection<String> busyRecipients,
                              Consumer<Notification> onClaim) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<Notification> due = notifications.claimNextDue(clock.instant(), kinds, busyRecipients);
            if (due.isEmpty()) {
                return Optional.empty();
            }
            Notification claimed = due.get();
            metrics.started(claimed, clock.instant());
            onClaim.accept(claimed);
            return Optional.of(new Attempt(claimed, attempt(claimed)));
        });
    }

    /** When the next delivery of these kinds falls due, not counting busy recipients; empty when none waits. */
    public Optional<Instant> nextDueAt(Set<DeliveryKind> kinds, Collection<String> busyRecipients) {
        return notifications.nextDueAt(kinds, busyRecipients);
    }

    /** Takes a claimed delivery one step further; true when it is still PENDING afterwards. */
    private boolean attempt(Notification claimed) {
        MDC.put("correlationId", String.valueOf(claimed.correlationId()));
        try {
            Optional<String> dropped = delayed.dropReason(claimed);
            if (dropped.isPresent()) {
                skip(claimed, dropped.get());
                return false;
            }
            if (Notification.EMAIL.equals(claimed.channel()) && !emailEnabled) {
                skip(claimed, NotifyConfig.EMAIL_DISABLED);
                return false;
            }
            if (claimed.unresolved()) {
                Optional<Notification> ready = resolve(claimed);
                return ready.isEmpty() ? stillPending(claimed) : send(ready.get());
            }
            return send(claimed);
        } finally {
            MDC.remove("correlationId");
        }
    }

    /** Whether an unresolved delivery was deferred (still pending) rather than given up or skipped. */
    private boolean stillPending(Notification claimed) {
        return notifications.find(claimed.notificationId()).map(n -> n.status() == DeliveryStatus.PENDING)
                .orElse(false);
    }

    private void skip(Notification notification, String reason) {
        notifications.markSkipped(notification.notificationId(), clock.instant(), reason);
        LOG.infof("%s %s on %s to %s of %s skipped: %s", notification.kind(), notification.notificationId(),
                notification.channel(), notification.recipientHandle(), notification.team(), reason);
    }

    /** The delivery with its recipient and text fixed, or empty when it waits, failed or was skipped. */
    private Optional<Notification> resolve(Notification notification) {
        Instant now = clock.instant();
        Resolution resolution = Resolver.resolve(notification, onCall, texts, now);
        if (resolution instanceof Resolution.Ready ready) {
            notifications.resolve(notification.notificationId(), ready.recipient(), ready.message());
            return Optional.of(notification.resolved(ready.recipient(), ready.message()));
        }
        if (resolution instanceof Resolution.GiveUp giveUp) {
            notifications.markFailed(notification.notificationId(), 0, now, giveUp.reason());
            outbox.publish(List.of(notification.failed(0, giveUp.reason(), now)),
                    new EventMetadata(notification.correlationId(), notification.triggeredBy()));
            LOG.errorf("%s %s of %s for %s %s cannot be delivered: %s", notification.kind(),
                    notification.notificationId(), notification.team(), notification.subjectType(),
                    notification.subjectId(), giveUp.reason());
        } else if (resolution instanceof Resolution.Skip skip) {
            notifications.markSkipped(notification.notificationId(), now, skip.reason());
            LOG.infof("%s %s of %s skipped: %s", notification.kind(), notification.notificationId(),
                    notification.team(), skip.reason());
        } else {
            Instant next = now.plus(recheck);
            if (notification.resolveUntil() != null && notification.resolveUntil().isBefore(next)) {
                next = notification.resolveUntil();
            }
            notifications.deferUntil(notification.notificationId(), next);
        }
        return Optional.empty();
    }

    /** Sends and records the outcome; true when the delivery waits for a retry. */
    private boolean send(Notification notification) {
        int attempts = notification.attempts() + 1;
        long started = System.nanoTime();
        AttemptResult result = senders.send(notification, clock.instant());
        metrics.attempted(notification, result, Duration.ofNanos(System.nanoTime() - started));
        Instant now = clock.instant();
        EventMetadata metadata = new EventMetadata(notification.correlationId(), notification.triggeredBy());
        if (result.delivered()) {
            notifications.markSent(notification.notificationId(), attempts, now, result.providerChannel(),
                    result.providerMessageId());
            outbox.publish(List.of(notification.sent(attempts, now)), metadata);
            LOG.infof("%s to %s of %s for %s %s delivered (attempt %d)", notification.kind(),
                    notification.recipientHandle() == null ? notification.channel() : notification.recipientHandle(),
                    notification.team(), notification.subjectType(), notification.subjectId(), attempts);
            return false;
        } else if (result.retryable() && result.retryAfter() != null) {
            // the provider throttles: wait as long as it asks, and do not count it as a failed attempt
            Instant next = now.plus(result.retryAfter());
            notifications.scheduleRetry(notification.notificationId(), notification.attempts(), now, next,
                    result.detail());
            LOG.infof("delivery %s throttled (%s); next at %s", notification.notificationId(), result.detail(), next);
            return true;
        } else if (!result.retryable() || retry.exhausted(attempts)) {
            notifications.markFailed(notification.notificationId(), attempts, now, result.detail());
            outbox.publish(List.of(notification.failed(attempts, result.detail(), now)), metadata);
            LOG.errorf("%s %s to %s of %s failed for good after %d attempts: %s", notification.kind(),
                    notification.notificationId(),
                    notification.recipientHandle(), notification.team(), attempts, result.detail());
            return false;
        } else {
            Instant next = now.plus(retry.delayAfter(attempts));
            notifications.scheduleRetry(notification.notificationId(), attempts, now, next, result.detail());
            LOG.warnf("delivery %s attempt %d failed (%s); next at %s", notification.notificationId(), attempts,
                    result.detail(), next);
            return true;
        }
    }
}
