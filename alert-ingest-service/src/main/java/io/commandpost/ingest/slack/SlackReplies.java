package io.commandpost.ingest.slack;

import io.commandpost.events.EventJson;
import io.commandpost.ingest.intake.IngestConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Slack wants an answer within 3 s. Work runs on a small pool; if it is done within the budget the
 * answer says so, otherwise the answer says the question is on its way and the outcome follows
 * through the command's {@code response_url}.
 */
@ApplicationScoped
public class SlackReplies {

    public static final String RECEIVED = "Got it — the MRO has your question";
    public static final String WORKING = "Got it — passing your question to the MRO…";
    public static final String COMMAND_FAILED = "Sorry — that did not work. Please try again.";
    public static final String FAILED = "Sorry — your question could not be passed to the MRO. Please try again.";

    private static final Logger LOG = Logger.getLogger(SlackReplies.class);

    private final ExecutorService work = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "slack-work");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile Duration budget;

    SlackReplies(IngestConfig config) {
        this.budget = config.slack().answerWithin();
    }

    /** Tests shorten the budget to take the follow-up path. */
    void budget(Duration budget) {
        this.budget = budget;
    }

    /**
     * Runs {@code task}; returns {@link #RECEIVED} when it finished within the budget, {@link #WORKING}
     * when it did not (the outcome then goes to {@code responseUrl}). A task that fails within the
     * budget throws its exception (so the HTTP answer is the matching problem).
     */
    public String answer(Runnable task, String responseUrl) {
        CompletableFuture<Void> running = CompletableFuture.runAsync(task, work);
        try {
            running.get(budget.toNanos(), TimeUnit.NANOSECONDS);
            return RECEIVED;
        } catch (TimeoutException e) {
            running.whenComplete((done, error) -> followUp(responseUrl, error == null ? RECEIVED : FAILED));
            return WORKING;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.whenComplete((done, error) -> followUp(responseUrl, error == null ? RECEIVED : FAILED));
            return WORKING;
        }
    }

    /**
     * Runs a command that answers with a reply: the reply when it is ready within the budget, otherwise
     * {@code working} now and the reply (or {@link #COMMAND_FAILED}) through {@code responseUrl} later.
     */
    public SlackReply reply(Supplier<SlackReply> command, String responseUrl, String working) {
        CompletableFuture<SlackReply> running = CompletableFuture.supplyAsync(command, work);
        try {
            return running.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            running.whenComplete((reply, error) -> followUp(responseUrl,
                    error == null ? reply : SlackReply.ephemeral(COMMAND_FAILED)));
            return SlackReply.ephemeral(working);
        } catch (ExecutionException e) {
            LOG.warnf("Slack command failed: %s", e.getCause().toString());
            return SlackReply.ephemeral(COMMAND_FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.whenComplete((reply, error) -> followUp(responseUrl,
                    error == null ? reply : SlackReply.ephemeral(COMMAND_FAILED)));
            return SlackReply.ephemeral(working);
        }
    }

    void followUp(String responseUrl, String text) {
        followUp(responseUrl, SlackReply.ephemeral(text));
    }

    void followUp(String responseUrl, SlackReply reply) {
        if (responseUrl == null || responseUrl.isBlank()) {
            return;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(responseUrl)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.mapper().writeValueAsBytes(
                            Map.of("response_type", reply.inChannel() ? "in_channel" : "ephemeral",
                                    "replace_original", false, "text", reply.text()))))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error != null || response.statusCode() >= 300) {
                    LOG.warnf("Slack follow-up failed: %s", error != null ? error.toString() : response.statusCode());
                }
            });
        } catch (Exception e) {
            LOG.warnf("Slack follow-up could not be sent: %s", e.toString());
        }
    }

    @PreDestroy
    void close() {
        work.shutdown();
    }
}
