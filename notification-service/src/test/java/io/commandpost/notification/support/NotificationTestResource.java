package io.commandpost.notification.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the service at the test receiver, with a known secret and a tiny backoff. */
public class NotificationTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "test-api-key";
    public static final String SECRET = "test-secret";

    @Override
    public Map<String, String> start() {
        return Map.of(
                "commandpost.notify.webhook.url", TestWebhookReceiver.get().url(),
                "commandpost.notify.webhook.secret", SECRET,
                "commandpost.notify.webhook.backoff", "10ms",
                "commandpost.auth.api-keys", API_KEY);
    }

    @Override
    public void stop() {
        // the receiver lives as long as the JVM
    }
}
