package io.commandpost.notification.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.model.block.LayoutBlock;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The Slack Web API methods this service calls ({@code chat.postMessage}, {@code chat.update},
 * {@code chat.postEphemeral}) through the official Java SDK's {@link MethodsClient}, each answer turned into an
 * {@link Outcome}: posted (channel + ts), throttled (HTTP 429 or {@code ratelimited}, with {@code Retry-After}),
 * or failed, for good ({@code channel_not_found}, {@code invalid_auth} …) or for now (5xx, network).
 */
@ApplicationScoped
public class SlackApi {

    /** Errors for which trying again cannot help; anything else Slack answers is retried. */
    static final Set<String> TRANSIENT_ERRORS = Set.of("internal_error", "fatal_error", "service_unavailable",
            "request_timeout", "ratelimited", "rate_limited");

    /** What one call came to. */
    public sealed interface Outcome {
        boolean ok();
    }

    /** Slack has the message: {@code channel} is where it is (a DM's D… id when posted to a user), {@code ts} its id. */
    public record Posted(String channel, String ts) implements Outcome {
        @Override
        public boolean ok() {
            return true;
        }
    }

    /** Slack asks to wait before calling again. */
    public record Throttled(Duration retryAfter) implements Outcome {
        @Override
        public boolean ok() {
            return false;
        }
    }

    /** Slack refused ({@code error} as Slack names it) or could not be reached; {@code permanent}: do not retry. */
    public record Failed(String error, boolean permanent) implements Outcome {
        @Override
        public boolean ok() {
            return false;
        }
    }

    private final Slack slack;
    private final Duration defaultRetryAfter;

    SlackApi(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        int timeout = (int) settings.timeout().toMillis();
        config.setHttpClientCallTimeoutMillis(timeout);
        config.setHttpClientReadTimeoutMillis(timeout);
        config.setHttpClientWriteTimeoutMillis(timeout);
        config.setStatsEnabled(false);
        this.slack = Slack.getInstance(config);
        this.defaultRetryAfter = settings.defaultRetryAfter();
    }

    void close(@Observes ShutdownEvent shutdown) throws Exception {
        slack.close();
    }

    /** {@code chat.postMessage}; {@code channel} may be a user id (the app's DM with them); a reply when threadTs is set. */
    public Outcome postMessage(String token, String channel, String text, List<LayoutBlock> blocks, String threadTs) {
        return call(() -> {
            ChatPostMessageResponse response = slack.methods(token).chatPostMessage(r -> r.channel(channel).text(text)
                    .blocks(blocks).threadTs(threadTs).unfurlLinks(false));
            return response.isOk() ? new Posted(response.getChannel(), response.getTs()) : failed(response);
        });
    }

    /** {@code chat.update} of a message the app posted. */
    public Outcome update(String token, String channel, String ts, String text, List<LayoutBlock> blocks) {
        return call(() -> {
            ChatUpdateResponse response = slack.methods(token).chatUpdate(r -> r.channel(channel).ts(ts).text(text)
                    .blocks(blocks));
            return response.isOk() ? new Posted(response.getChannel(), response.getTs()) : failed(response);
        });
    }

    /** {@code chat.postEphemeral}: a message only {@code user} sees, in {@code channel}. */
    public Outcome postEphemeral(String token, String channel, String user, String text) {
        return call(() -> {
            ChatPostEphemeralResponse response = slack.methods(token).chatPostEphemeral(r -> r.channel(channel)
                    .user(user).text(text));
            return response.isOk() ? new Posted(channel, response.getMessageTs()) : failed(response);
        });
    }

    private interface Call {
        Outcome run() throws IOException, SlackApiException;
    }

    private Outcome call(Call call) {
        try {
            return call.run();
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                return new Throttled(retryAfter(e.getResponse().header("Retry-After")));
            }
            String error = e.getError() != null && e.getError().getError() != null ? e.getError().getError()
                    : "HTTP " + status;
            return new Failed(error, status < 500 && status != 408 && !TRANSIENT_ERRORS.contains(error));
        } catch (IOException e) {
            return new Failed("Slack unreachable: " + e, false);
        } catch (RuntimeException e) { // an answer the SDK cannot read: try again later rather than lose the page
            return new Failed("unreadable answer from Slack: " + e, false);
        }
    }

    private Outcome failed(SlackApiTextResponse response) {
        String error = response.getError() == null ? "unknown_error" : response.getError();
        if (error.equals("ratelimited") || error.equals("rate_limited")) {
            List<String> header = response.getHttpResponseHeaders() == null ? null
                    : response.getHttpResponseHeaders().get("retry-after");
            return new Throttled(retryAfter(header == null || header.isEmpty() ? null : header.get(0)));
        }
        return new Failed(error, !TRANSIENT_ERRORS.contains(error));
    }

    private Duration retryAfter(String header) {
        if (header == null) {
            return defaultRetryAfter;
        }
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return defaultRetryAfter;
        }
    }
}
