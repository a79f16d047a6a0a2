package io.commandpost.ingest.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** This service's own settings ({@code commandpost.ingest.*}). */
@ConfigMapping(prefix = "commandpost.ingest")
public interface IngestConfig {

    /** Durable publishes allowed at once; more wait up to {@link #acquireTimeout()}, then get 503. */
    @WithDefault("256")
    int maxInFlight();

    @WithDefault("200ms")
    Duration acquireTimeout();

    /** Retry-After of a back-pressure 503. */
    @WithDefault("2")
    int retryAfterSeconds();

    /** How long this replica trusts a recognised token without asking the database (revocations elsewhere). */
    @WithDefault("10s")
    Duration tokenCacheTtl();

    /**
     * While the database does not answer, a token this replica recognised within this time is still accepted
     * (bounded staleness: a revocation elsewhere takes effect at most this late, or as soon as the database answers).
     */
    @WithDefault("10m")
    Duration tokenCacheMaxStaleness();

    /**
     * The JSON webhooks (Alertmanager, Grafana, generic) take their common deliveries on a Vert.x route ahead of
     * Quarkus REST (ADR 0037); off, every delivery goes through the JAX-RS resources (same answers, more CPU).
     */
    @WithDefault("true")
    boolean leanWebhooks();

    /** Encrypts stored Slack signing secrets (AES-256-GCM, key = SHA-256 of this). */
    String secretKey();

    Slack slack();

    Heartbeat heartbeat();

    interface Slack {
        /** Answer Slack by then (it gives up after 3 s); slower work is reported through response_url. */
        @WithDefault("2500ms")
        Duration answerWithin();

        /**
         * The API key slash commands present to rotation-service and incident-service (their REST clients read
         * it as {@code ${commandpost.ingest.slack.services-api-key}}).
         */
        String servicesApiKey();
    }

    interface Heartbeat {
        @WithDefault("15s")
        Duration checkEvery();

        @WithDefault("5s")
        Duration checkDelay();
    }
}
