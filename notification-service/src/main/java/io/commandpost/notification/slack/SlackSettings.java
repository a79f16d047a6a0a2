package io.commandpost.notification.slack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How this service talks to the Slack Web API ({@code commandpost.slack.*}). */
@ConfigMapping(prefix = "commandpost.slack")
public interface SlackSettings {

    /** The Web API base URL, ending in a slash; tests point it at a local server. */
    @WithDefault("https://slack.com/api/")
    String apiUrl();

    /** Slack allows about one message per second per channel: posts to one channel are spaced this far apart. */
    @WithDefault("1s")
    Duration perChannelInterval();

    /** How long one call may take (connect, read, write). */
    @WithDefault("5s")
    Duration timeout();

    /** How long to wait when Slack answers {@code ratelimited} without a {@code Retry-After}. */
    @WithDefault("30s")
    Duration defaultRetryAfter();
}
