package io.commandpost.notification.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * About one message per second per Slack channel (Slack's posting limit): a post to a channel takes the
 * channel's next slot, or is told how long to wait for it. Never blocks; the caller reschedules. Per replica.
 */
final class ChannelPacer {

    private final Duration interval;
    private final Map<String, Instant> nextFree = new ConcurrentHashMap<>();

    ChannelPacer(Duration interval) {
        this.interval = interval;
    }

    /** Takes the channel's slot at {@code now}; empty when taken, else how long until it is free. */
    Optional<Duration> take(String channel, Instant now) {
        Duration[] wait = new Duration[1];
        nextFree.compute(channel, (key, free) -> {
            if (free == null || !now.isBefore(free)) {
                return now.plus(interval);
            }
            wait[0] = Duration.between(now, free);
            return free;
        });
        return Optional.ofNullable(wait[0]);
    }
}
