package io.commandpost.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.commandpost.events.EventJson;
import io.commandpost.notification.config.NotifyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code webhook} channel: POSTs one signed delivery, pages and reminders to the page webhook,
 * announcements to the team announcement channel (for the {@code team-channel} channel, see
 * {@link TeamChannelWebhookSender}). Every request carries the signature headers; a Slack endpoint ignores them.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    static final String NO_CHANNEL = io.commandpost.notification.announce.AnnouncementRules.NO_CHANNEL;

    private final NotifyConfig.Webhook config;
    private final Optional<URI> announceUrl;
    private final HttpClient client;

    WebhookSender(NotifyConfig config) {
        this.config = config.webhook();
        this.announceUrl = config.announce().url();
        this.client = HttpClient.newBuilder().connectTimeout(this.config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public boolean announcementChannelConfigured() {
        return announceUrl.isPresent();
    }

    @Override
    public String channel() {
        return Notification.WEBHOOK;
    }

    @Override
    public AttemptResult send(Notification notification, Instant now) {
        Object body = switch (notification.kind()) {
            case PAGE -> PageBody.of(notification, now);
            case REMINDER -> ReminderBody.of(notification, now);
            case ANNOUNCEMENT -> new AnnouncementBody(notification.message());
            case ANSWER, QUESTION -> null;
        };
        if (body == null) {
            return new AttemptResult(false, false, "questions and answers are not sent on the webhook");
        }
        URI url = notification.kind() == DeliveryKind.ANNOUNCEMENT ? announceUrl.orElse(null) : config.url();
        if (url == null) {
            return new AttemptResult(false, false, NO_CHANNEL);
        }
        return post(url, notification, bytes(body), now);
    }

    private AttemptResult post(URI url, Notification notification, byte[] body, Instant now) {
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "commandpost-notification-service")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(config.secret(), timestamp, body))
                .header(WebhookSignature.EVENT_ID_HEADER, notification.notificationId().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return AttemptResult.ofStatus(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            return AttemptResult.unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AttemptResult.unreachable(e);
        }
    }

    private static byte[] bytes(Object body) {
        try {
            return EventJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
