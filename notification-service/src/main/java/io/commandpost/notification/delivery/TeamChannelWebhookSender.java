package io.commandpost.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The {@code team-channel} channel: announcements POSTed to the announcement webhook (Slack incoming-webhook body). */
@ApplicationScoped
public class TeamChannelWebhookSender implements ChannelSender {

    private final WebhookSender webhook;

    TeamChannelWebhookSender(WebhookSender webhook) {
        this.webhook = webhook;
    }

    @Override
    public String channel() {
        return Notification.ANNOUNCEMENT_CHANNEL;
    }

    @Override
    public AttemptResult send(Notification notification, Instant now) {
        return webhook.send(notification, now);
    }
}
