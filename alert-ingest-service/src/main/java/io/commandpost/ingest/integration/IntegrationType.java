package io.commandpost.ingest.integration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of sender an integration accepts, each with the endpoint it posts to. */
public enum IntegrationType {
    ALERTMANAGER("alertmanager", "/v1/webhooks/alertmanager"),
    GRAFANA("grafana", "/v1/webhooks/grafana"),
    /** PagerDuty Events API v2 drop-in: the token travels in the body as {@code routing_key}. */
    PAGERDUTY("pagerduty", "/v2/enqueue");

    private final String wireName;
    private final String webhookPath;

    IntegrationType(String wireName, String webhookPath) {
        this.wireName = wireName;
        this.webhookPath = webhookPath;
    }

    public String wireName() {
        return wireName;
    }

    public String webhookPath() {
        return webhookPath;
    }

    public static Optional<IntegrationType> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wanted)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(IntegrationType::wireName).toList());
    }
}
