package io.commandpost.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How pages, reminders and announcements leave this service ({@code commandpost.notify.*}). */
@ConfigMapping(prefix = "commandpost.notify")
public interface NotifyConfig {

    Webhook webhook();

    Announce announce();

    Resolve resolve();

    Digest digest();

    /** The overnight digest of the 09:00 announcement (ADR 0021). */
    interface Digest {
        /** Base URL of the links to digest items (incident-service's API, or a UI serving the same paths). */
        @WithDefault("http://localhost:8083")
        URI linkBase();

        /** How far back the overnight digest looks from the shift's start. */
        @WithDefault("24h")
        Duration lookBack();
    }

    Email email();

    /**
     * The email channel (SMTP through quarkus-mailer, whose {@code quarkus.mailer.*} settings say where). Disabled,
     * every email delivery is recorded SKIPPED with {@link #EMAIL_DISABLED}, never attempted.
     */
    interface Email {
        /** Off unless an SMTP server is configured (env COMMANDPOST_MAIL_ENABLED). */
        @WithDefault("false")
        boolean enabled();

        /** The sender of every mail (env COMMANDPOST_MAIL_FROM). */
        @WithDefault("CommandPost <commandpost@localhost>")
        String from();

        /** The right-hand side of the Message-IDs this service generates ({@code <notificationId@domain>}). */
        @WithDefault("commandpost.local")
        String messageIdDomain();

        /** The API base URL mails point at for acknowledging and resolving (env COMMANDPOST_PUBLIC_URL). */
        @WithDefault("http://localhost:8084")
        URI apiUrl();

        /** Longest one SMTP attempt may take before it counts as a transient failure. */
        @WithDefault("10s")
        Duration timeout();
    }

    /** Why an email delivery was recorded SKIPPED. */
    String EMAIL_DISABLED = "email channel disabled (commandpost.notify.email.enabled=false)";

    /** The team announcement channel (a Slack incoming-webhook compatible URL). */
    interface Announce {
        /** Where announcements are POSTed; unset or empty records every announcement as SKIPPED. */
        Optional<URI> url();
    }

    /**
     * Deliveries whose recipient or text depends on the on-call projection (an alert that arrives
     * before the team's first ShiftStarted, an announcement naming members not projected yet) wait
     * for it this long before they fail (pages) or go out with what is known (announcements).
     */
    interface Resolve {
        @WithDefault("2m")
        Duration grace();

        /** How often a waiting delivery looks again. */
        @WithDefault("2s")
        Duration recheck();
    }

    interface Webhook {
        /** Where pages are POSTed (env COMMANDPOST_PAGE_WEBHOOK_URL). */
        URI url();

        /** Key of the HMAC-SHA256 signature the receiver verifies (env COMMANDPOST_PAGE_WEBHOOK_SECRET). */
        String secret();

        /** Connect and response timeout of one attempt. */
        @WithDefault("5s")
        Duration timeout();

        /** Attempts before a delivery is given up as FAILED. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the second attempt; doubles after each further failure. */
        @WithDefault("2s")
        Duration backoff();

        /** Cap of the doubling backoff. */
        @WithDefault("5m")
        Duration maxBackoff();

        /**
         * Longest a delivery lane sleeps when nothing woke it. A stored delivery wakes its lane when its
         * transaction commits and a retry when it falls due, so this only picks up rows another replica
         * stored or a crash left behind.
         */
        @WithDefault("10s")
        Duration sweepInterval();

        /** Pages delivered at once. */
        @WithDefault("8")
        int pageWorkers();

        /**
         * Deliveries in flight to one person at most, per lane: a slow or failing receiver for one person
         * holds at most this many workers, the others go on with everyone else's.
         */
        @WithDefault("4")
        int perRecipient();

        /** Reminders and announcements delivered at once, in their own lane, apart from pages. */
        @WithDefault("2")
        int otherWorkers();
    }
}
