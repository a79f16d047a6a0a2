package io.commandpost.ingest.slack.api;

import jakarta.annotation.security.PermitAll;
import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.QuestionEvent;
import io.commandpost.ingest.intake.EventPublisher;
import io.commandpost.ingest.intake.IntakeContext;
import io.commandpost.ingest.intake.IntakeMetrics;
import io.commandpost.ingest.intake.Quarantine;
import io.commandpost.ingest.intake.RejectedBodyException;
import io.commandpost.ingest.intake.StrictJson;
import io.commandpost.ingest.integration.Integration;
import io.commandpost.ingest.slack.SlackCommandLine;
import io.commandpost.ingest.slack.SlackCommandParser;
import io.commandpost.ingest.slack.SlackDeliveries;
import io.commandpost.ingest.slack.SlackMessage;
import io.commandpost.ingest.slack.SlackReplies;
import io.commandpost.ingest.slack.SlackReply;
import io.commandpost.ingest.slack.SlackSenders;
import io.commandpost.ingest.slack.SlashCommand;
import io.commandpost.ingest.slack.command.SlackCommands;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.platform.http.RequestMetadata;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Slack: the {@code /mro} ({@code who} or a question) and {@code /incident} slash commands (ADR 0021), and Events
 * API messages from the channels an
 * integration maps to teams. Every request is authenticated by Slack's v0 signature over the raw
 * body bytes, exactly as received (so bodies are taken as bytes and parsed only afterwards).
 */
@Path("/v1/webhooks/slack")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll // checks its own per-integration credentials (ADR 0023)
public class SlackWebhookResource {

    public static final String CHANNEL = "slack";
    static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    static final String SIGNATURE = "X-Slack-Signature";

    static final String WORKING = "Working on it…";

    private final SlackSenders senders;
    private final SlackCommands commands;
    private final SlackReplies replies;
    private final SlackDeliveries deliveries;
    private final EventPublisher publisher;
    private final Quarantine quarantine;
    private final IntakeMetrics metrics;
    private final RequestMetadata request;
    private final Clock clock;

    SlackWebhookResource(SlackSenders senders, SlackCommands commands, SlackReplies replies, SlackDeliveries deliveries,
                         EventPublisher publisher, Quarantine quarantine, IntakeMetrics metrics,
                         RequestMetadata request, Clock clock) {
        this.senders = senders;
        this.commands = commands;
        this.replies = replies;
        this.deliveries = deliveries;
        this.publisher = publisher;
        this.quarantine = quarantine;
        this.metrics = metrics;
        this.request = request;
        this.clock = clock;
    }

    @POST
    @Path("/commands")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response command(byte[] body, @HeaderParam(TIMESTAMP) String timestamp,
                            @HeaderParam(SIGNATURE) String signature) {
        List<Integration> verified = senders.verify(timestamp, signature, body);
        SlashCommand command = SlashCommand.parse(body);
        if (command.sslCheck()) {
            return Response.ok().build();
        }
        SlackCommandLine line = SlackCommandParser.parse(command.command(), command.text());
        if (line instanceof SlackCommandLine.Usage usage) {
            return ephemeral(usage.text());
        }
        Integration integration = SlackSenders.choose(verified, command.channelId());
        if (!(line instanceof SlackCommandLine.AskMro ask)) {
            String team = SlackSenders.teamFor(integration, command.channelId());
            SlackReply reply = replies.reply(() -> commands.run(line, team, command.channelId(), command.userId()),
                    command.responseUrl(), WORKING);
            return Response.ok(Map.of("response_type", reply.inChannel() ? "in_channel" : "ephemeral",
                    "text", reply.text())).build();
        }
        Instant now = clock.instant();
        // the trigger id is unique per invocation: a re-sent command becomes the same question
        UUID questionId = command.triggerId() == null ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(("slack-command:" + command.triggerId()).getBytes(StandardCharsets.UTF_8));
        QuestionEvent.QuestionAsked question = new QuestionEvent.QuestionAsked(questionId,
                SlackSenders.teamFor(integration, command.channelId()), CHANNEL, command.userId(), ask.question(),
                command.channelId(), now);
        EventMetadata metadata = request.metadata();
        String text = replies.answer(() -> publisher.publish(integration.id().toString(), List.of(question), metadata),
                command.responseUrl());
        return ephemeral(text);
    }

    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response event(byte[] body, @HeaderParam(TIMESTAMP) String timestamp,
                          @HeaderParam(SIGNATURE) String signature,
                          @HeaderParam("X-Slack-Retry-Num") String retryNum) {
        List<Integration> verified = senders.verify(timestamp, signature, body);
        JsonNode callback;
        try {
            callback = StrictJson.parse(body, null);
        } catch (RejectedBodyException e) {
            Integration integration = verified.get(0);
            quarantine.keep(integration.intakeAt(clock.instant()), CHANNEL, MediaType.APPLICATION_JSON, body,
                    e.problem());
            throw e;
        }
        String type = callback.path("type").asText();
        if ("url_verification".equals(type)) {
            return Response.ok(Map.of("challenge", callback.path("challenge").asText())).build();
        }
        if (!"event_callback".equals(type)) {
            return ignored("not an event callback");
        }
        Optional<SlackMessage> message = SlackMessage.from(callback);
        if (message.isEmpty()) {
            return ignored("not a person's message");
        }
        Integration integration = SlackSenders.choose(verified, message.get().channel());
        if (!integration.settings().channelsOrEmpty().containsKey(message.get().channel())) {
            return ignored("channel " + message.get().channel() + " is not configured");
        }
        Instant now = clock.instant();
        String eventId = message.get().eventId();
        if (!deliveries.claim(eventId, now)) {
            metrics.count(integration.id().toString(), IntakeMetrics.Outcome.DEDUPLICATED, 1);
            return ignored(retryNum != null ? "retry " + retryNum + " of an event already taken" : "event already taken");
        }
        try {
            publisher.publish(integration.id().toString(), List.of(new QuestionEvent.QuestionAsked(
                    UUID.nameUUIDFromBytes(("slack-event:" + eventId).getBytes(StandardCharsets.UTF_8)),
                    SlackSenders.teamFor(integration, message.get().channel()), CHANNEL, message.get().user(),
                    message.get().text(), message.get().threadRef(), now)), request.metadata());
        } catch (RuntimeException e) {
            deliveries.release(eventId);
            throw e;
        }
        return Response.ok(Map.of("ok", true)).build();
    }

    private static Response ephemeral(String text) {
        return Response.ok(Map.of("response_type", "ephemeral", "text", text)).build();
    }

    private static Response ignored(String why) {
        return Response.ok(Map.of("ok", true, "ignored", why)).build();
    }
}
