package io.commandpost.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Settings every CommandPost service shares ({@code commandpost.*}). */
@ConfigMapping(prefix = "commandpost")
public interface PlatformConfig {

    /** This service's name: producer of its events, prefix of its consumer groups and its dead-letter topic. */
    String serviceName();

    Auth auth();

    Consumers consumers();

    Outbox outbox();

    Publish publish();

    Timers timers();

    Http http();

    Clock clock();

    Commands commands();

    interface Commands {
        /**
         * Streams whose folded state the command handler keeps (aggregates with a fold key only; least recently
         * used dropped first); 0 folds every stream from its first event at every decision.
         */
        @WithDefault("4096")
        int foldCacheSize();
    }

    /** Where "now" comes from: the system clock, unless a whole-system test moves it. */
    interface Clock {
        /**
         * Test hook for whole-system tests: a file holding a signed offset in milliseconds added to the system
         * clock, re-read when it changes, so a test moves every service's "now" at once. Unset in production.
         */
        java.util.Optional<java.nio.file.Path> offsetFile();
    }

    interface Auth {
        /**
         * Service API keys, each {@code name:role:secret} (role admin, responder, viewer or service); a plain
         * {@code secret} is role admin named {@code api-key}. Actions by a key are recorded under its name.
         */
        List<String> apiKeys();

        /** Path prefixes reachable without an API key (health, metrics, endpoints with their own credentials). */
        @WithDefault("/q/health,/q/metrics")
        List<String> publicPaths();
    }

    interface Consumers {
        /** Starts the event consumers at boot; off in tests that drive projections directly. */
        @WithDefault("true")
        boolean enabled();

        /** Attempts at one event before it goes to the dead-letter topic. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("200ms")
        Duration retryBackoff();

        /**
         * Longest a consumer's poll waits for records. Records end the wait as soon as they arrive (the
         * broker answers a fetch when data comes), so this only sets how often an idle consumer wakes.
         */
        @WithDefault("5s")
        Duration pollTimeout();

        /**
         * Longest a consumer keeps applied offsets uncommitted while records keep coming (a quiet topic
         * commits at once). A crash replays at most this much, as no-ops: consumers are idempotent.
         */
        @WithDefault("1s")
        Duration commitInterval();

        /**
         * How long a consumer that may wait ({@code EventConsumer.mayWait}, those off the page path) goes on
         * gathering records after the first one arrived, to apply them in one transaction: under load, one commit
         * and one claim statement for many events instead of one per event or two. 0 = apply every poll at once.
         */
        @WithDefault("200ms")
        Duration gather();

        /**
         * Most events a consumer that may not wait (on the page path) applies in one transaction. What an event
         * decides (a page's delivery row) becomes visible only when its transaction commits: after a pause, a poll
         * of 200 events in one transaction held the first event's page until the 200th was decided. A few per
         * commit keeps that wait to a few decisions and still saves most commits under load.
         */
        @WithDefault("8")
        int promptBatch();
    }

    interface Outbox {
        @WithDefault("true")
        boolean enabled();

        /**
         * Longest wait before the relay looks again when nothing woke it. Every commit with outbox rows
         * wakes it, so this is only a sweep for rows a crash left between commit and publish.
         */
        @WithDefault("5s")
        Duration interval();

        @WithDefault("500")
        int batchSize();
    }

    interface Publish {
        /** How long a request waits for the broker's acknowledgement before it answers 503. */
        @WithDefault("10s")
        Duration ackTimeout();

        /** Seconds a sender is told to wait (Retry-After) when the broker cannot take its event. */
        @WithDefault("5")
        int retryAfterSeconds();

        /**
         * The producer's linger: how long a record may wait for others to share its batch. Zero answers
         * a lone request fastest; under load records batch anyway while earlier batches are in flight.
         */
        @WithDefault("0ms")
        Duration linger();

        /**
         * Produce requests the producer keeps in flight per broker connection ({@code max.in.flight.requests.per.connection},
         * 1 to 5 with idempotence). The broker handles one request of a connection at a time anyway, so 1 costs a
         * lone request nothing, and under concurrent load the records that arrive while a request is in flight share
         * the next one: fewer, fuller produce requests, less CPU per record in the producer and the broker. Each
         * record is still acknowledged with acks=all before its sender is answered.
         */
        @WithDefault("5")
        int maxInFlightRequests();
    }

    interface Timers {
        /** Starts the due-worker at boot; off in tests that fire timers by hand. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Longest sleep of the due-worker when no wake reached it: it sleeps until the next due timer, woken
         * early when a nearer one commits in this process; this poll picks up other replicas' timers.
         */
        @WithDefault("30s")
        Duration safetyPoll();

        /** First delay before a timer whose tick failed fires again; doubled per failure. */
        @WithDefault("1s")
        Duration retryBackoff();

        @WithDefault("5m")
        Duration maxBackoff();

        /** A timer firing later than this after its due time is logged as late. */
        @WithDefault("1m")
        Duration lateAfter();
    }

    interface Http {
        /**
         * The longest a request may take from its headers to its answer; a body drip-fed or a Content-Length never
         * met is cut off with a 408 (or the connection closed when an answer had begun).
         */
        @WithDefault("30s")
        Duration requestDeadline();
    }
}
