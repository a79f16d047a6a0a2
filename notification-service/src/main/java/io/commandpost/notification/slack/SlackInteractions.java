package io.commandpost.notification.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.notification.oncall.OnCallDirectory;
import io.commandpost.notification.oncall.Recipient;
import io.commandpost.notification.paging.AlertLifecycles;
import io.commandpost.notification.paging.PersonActions;
import io.commandpost.notification.paging.PersonActions.Act;
import io.commandpost.platform.domain.InvalidCommandException;
import io.commandpost.platform.domain.NotFoundException;
import io.commandpost.platform.domain.RuleViolationException;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.platform.eventing.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * A press of a page's button, once its signature is verified: the Slack user is mapped to the team's member by
 * Slack user id, and the SAME command as the API runs ({@link PersonActions}, {@code via: slack}), published
 * through the outbox. Whatever cannot be done (a user CommandPost does not know, an alert already acknowledged
 * or resolved) is explained to the presser alone ({@code chat.postEphemeral}), after Slack got its 200.
 */
@ApplicationScoped
public class SlackInteractions {

    private static final Logger LOG = Logger.getLogger(SlackInteractions.class);
    public static final String VIA = "slack";
    private static final Map<String, Act> ACTS = Map.of(PageMessages.ACKNOWLEDGE, Act.ACKNOWLEDGE,
            PageMessages.RESOLVE, Act.RESOLVE, PageMessages.ESCALATE, Act.ESCALATE);

    /** What a press came to. */
    public sealed interface Outcome {
    }

    /** The act was recorded as this event. */
    public record Recorded(String eventType, String person) implements Outcome {
    }

    /** Nothing recorded; the presser is told why. */
    public record Explained(String why) implements Outcome {
    }

    /** Not a press this service handles (another interaction type or action). */
    public record Ignored(String what) implements Outcome {
    }

    private final SlackWorkspaces workspaces;
    private final OnCallDirectory onCall;
    private final AlertLifecycles lifecycles;
    private final Outbox outbox;
    private final SlackApi slack;
    private final Clock clock;
    private final ExecutorService replies = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "slack-ephemeral-replies");
        thread.setDaemon(true);
        return thread;
    });

    SlackInteractions(SlackWorkspaces workspaces, OnCallDirectory onCall, AlertLifecycles lifecycles, Outbox outbox,
                      SlackApi slack, Clock clock) {
        this.workspaces = workspaces;
        this.onCall = onCall;
        this.lifecycles = lifecycles;
        this.outbox = outbox;
        this.slack = slack;
        this.clock = clock;
    }

    /** Runs a verified interaction payload of the workspace; the answer to Slack does not wait for explanations. */
    public Outcome handle(SlackWorkspaces.Workspace workspace, JsonNode payload, EventMetadata metadata) {
        if (!"block_actions".equals(payload.path("type").asText())) {
            return new Ignored("interaction " + payload.path("type").asText());
        }
        JsonNode action = payload.path("actions").path(0);
        Act act = ACTS.get(action.path("action_id").asText());
        Optional<PageMessages.AlertRef> ref = PageMessages.AlertRef.parse(action.path("value").asText(null));
        if (act == null || ref.isEmpty()) {
            return new Ignored("action " + action.path("action_id").asText());
        }
        String slackUser = payload.path("user").path("id").asText();
        String channel = payload.path("container").path("channel_id").asText(payload.path("channel").path("id")
                .asText(null));
        String team = ref.get().team();
        boolean teamInWorkspace = workspaces.teamChannel(team)
                .filter(mapping -> mapping.slackTeamId().equals(workspace.slackTeamId())).isPresent();
        Outcome outcome = teamInWorkspace ? act(act, team, ref.get().dedupKey(), slackUser, metadata)
                : new Explained("Nothing done: team " + team + " does not page through this Slack workspace.");
        if (outcome instanceof Explained explained && channel != null && !channel.isBlank()) {
            String token = workspace.botToken();
            replies.execute(() -> {
                SlackApi.Outcome sent = slack.postEphemeral(token, channel, slackUser, explained.why());
                if (!sent.ok()) {
                    LOG.warnf("could not tell Slack user %s why their press did nothing: %s", slackUser, sent);
                }
            });
        }
        return outcome;
    }

    private Outcome act(Act act, String team, String dedupKey, String slackUser, EventMetadata metadata) {
        Optional<Recipient> member = onCall.members(team).stream()
                .filter(m -> slackUser.equals(m.slackUserId())).findFirst();
        if (member.isEmpty()) {
            return new Explained("CommandPost does not know you as a member of " + team + ": ask your team lead "
                    + "to add your Slack user id (" + slackUser + ") to your member profile, then press again.");
        }
        String person = member.get().handle();
        Instant now = clock.instant();
        AlertState state = lifecycles.find(team, dedupKey).orElse(null);
        try {
            AlertEvent event = PersonActions.decide(act, team, dedupKey, state, person, VIA, null, UUID.randomUUID(),
                    now);
            String type = QuarkusTransaction.requiringNew()
                    .call(() -> outbox.publish(List.of(event), metadata).get(0).eventType());
            LOG.infof("%s %s alert %s of %s from Slack", person, act, dedupKey, team);
            return new Recorded(type, person);
        } catch (RuleViolationException | NotFoundException | InvalidCommandException e) {
            return new Explained("Nothing done: " + e.getMessage());
        }
    }
}
