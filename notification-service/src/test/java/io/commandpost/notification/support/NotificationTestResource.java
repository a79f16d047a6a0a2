package io.commandpost.notification.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Points the service at the test receiver and the local Slack Web API ({@link LocalSlackApi}), with a known secret, a tiny backoff and quick rechecks.
 * Under {@link NoAnnouncementChannelProfile} the announcement channel is left unset.
 */
public class NotificationTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "test-api-key";
    /** A key with role service, named slack: it may act on behalf of a person. */
    public static final String SERVICE_KEY = "test-slack-key";
    public static final String SECRET = "test-secret";

    private String profile = "";

    @Override
    public void setContext(Context context) {
        profile = String.valueOf(context.testProfile());
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(Map.of(
                "commandpost.notify.webhook.url", TestWebhookReceiver.get().url(),
                "commandpost.notify.webhook.secret", SECRET,
                "commandpost.notify.webhook.backoff", "10ms",
                // a receiver made slow on purpose (DeliveryLanesIT) answers within this, with room for a busy machine
                "commandpost.notify.webhook.timeout", "30s",
                "commandpost.notify.resolve.recheck", "100ms",
                // deliveries must start from their commit: a sweep would hide a missed wake-up
                "commandpost.notify.webhook.sweep-interval", "1h",
                "commandpost.auth.api-keys", API_KEY + ",slack:service:" + SERVICE_KEY,
                "commandpost.slack.api-url", LocalSlackApi.get().url()));
        if (!profile.equals(NoAnnouncementChannelProfile.class.getName())) {
            config.put("commandpost.notify.announce.url", TestWebhookReceiver.get().announceUrl());
        }
        return config;
    }

    @Override
    public void stop() {
        // the receiver lives as long as the JVM
    }
}
