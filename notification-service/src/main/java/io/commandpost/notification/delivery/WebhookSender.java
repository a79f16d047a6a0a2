package io.commandpost.notification.delivery;

import io.commandpost.notification.config.NotifyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

/** POSTs one signed page to the configured webhook. */
@ApplicationScoped
public class WebhookSender {

    private final NotifyConfig.Webhook config;
    private final HttpClient client;

    WebhookSender(NotifyConfig config) {
        this.config = config.webhook();
        this.client = HttpClient.newBuilder().connectTimeout(this.config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public AttemptResult send(Notification notification, Instant now) {
        byte[] body = PageBody.of(notification, now).toBytes();
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(config.url())
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
}
