package io.commandpost.ingest.integration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of sender an integration accepts, each with the endpoint it posts to. */
public enum IntegrationType {
    ALERTMANAGER("alertmanager", "/v1/webhooks/alertmanager"),
    GRAFANA("grafana", "/v1/webhooks/grafana"),
    /** PagerDuty Events API v2 drop-in: the token travels in the body as {@code routing_key}. */
    PAGERDUTY("pagerduty", "/v2/enqueue"),
    /** Opsgenie Alert API drop-in: {@code Authorization: GenieKey <token>}, alerts created by alias. */
    OPSGENIE("opsgenie", "/v2/alerts"),
    /** Slack app: slash command and Events API, authenticated by Slack's request signature. */
    SLACK("slack", "/v1/webhooks/slack/events"),
    /** Inbound-mail webhook (inbound-parse form fields). */
    EMAIL("email", "/v1/webhooks/email"),
    /** Any JSON body, read through the integration's mapping of JSON Pointers. */
    GENERIC("generic", "/v1/webhooks/generic"),
    /** Dead-man's switch: pings expected every N minutes. */
    HEARTBEAT("heartbeat", "/v1/webhooks/heartbeat");

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
