package io.commandpost.notification.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.AlertEvent;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.notification.contact.ContactBook;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.Notifications;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * A press of a page's button, once its signature is verified: the Slack user is mapped to the team's member by
 * Slack user id (their contact methods', else the roster's: {@link ContactBook#memberBySlackUser}), and the SAME
 * command as the API runs ({@link PersonActions}, {@code via: slack}), published through the outbox. A flood
 * follow-up's Acknowledge all acknowledges every alert it folds that is still open and unacknowledged. Whatever cannot be done (a user CommandPost does not know, an alert already acknowledged
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
    private final ContactBook contacts;
    private final Notifications notifications;
    private final FollowUpMessages followUps;
    private final AlertLifecycles lifecycles;
    private final Outbox outbox;
    private final SlackApi slack;
    private final Clock clock;
    private final ExecutorService replies = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "slack-ephemeral-replies");
        thread.setDaemon(true);
        return thread;
    });

    SlackInteractions(SlackWorkspaces workspaces, ContactBook contacts, Notifications notifications,
                      FollowUpMessages followUps, AlertLifecycles lifecycles, Outbox outbox, SlackApi slack,
                      Clock clock) {
        this.workspaces = workspaces;
        this.contacts = contacts;
        this.notifications = notifications;
        this.followUps = followUps;
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
        boolean acknowledgeAll = PageMessages.ACKNOWLEDGE_ALL.equals(action.path("action_id").asText());
        Optional<PageMessages.AlertRef> ref = PageMessages.AlertRef.parse(action.path("value").asText(null));
        if ((act == null && !acknowledgeAll) || ref.isEmpty()) {
            return new Ignored("action " + action.path("action_id").asText());
        }
        String slackUser = payload.path("user").path("id").asText();
        String channel = payload.path("container").path("channel_id").asText(payload.path("channel").path("id")
                .asText(null));
        String team = ref.get().team();
        boolean teamInWorkspace = workspaces.teamChannel(team)
                .filter(mapping -> mapping.slackTeamId().equals(workspace.slackTeamId())).isPresent();
        Outcome outcome = !teamInWorkspace
                ? new Explained("Nothing done: team " + team + " does not page through this Slack workspace.")
                : acknowledgeAll ? acknowledgeAll(workspace, team, ref.get().dedupKey(), slackUser, metadata)
                : act(act, team, ref.get().dedupKey(), slackUser, metadata);
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

    private static Explained stranger(String team, String slackUser) {
        return new Explained("CommandPost does not know you as a member of " + team + ": set your Slack user id ("
                + slackUser + ") in your contact methods (PUT /v1/teams/" + team + "/members/<you>/contact), "
                + "or ask your team lead to add it to your member profile, then press again.");
    }

    /**
     * Acknowledge all on a flood follow-up: every alert it folds that is still open and not acknowledged is
     * acknowledged by the presser (the same events as the API's, in one transaction); the follow-up then says so and
     * loses the button.
     */
    private Outcome acknowledgeAll(SlackWorkspaces.Workspace workspace, String team, String followUpKey,
                                   String slackUser, EventMetadata metadata) {
        Optional<ContactBook.SlackMember> member = contacts.memberBySlackUser(team, slackUser);
        if (member.isEmpty()) {
            return stranger(team, slackUser);
        }
        String person = member.get().handle();
        Optional<Notification> followUp = notifications.sentAbout(team, Notification.SLACK,
                Notification.SUBJECT_ALERT, followUpKey).stream().findFirst();
        if (followUp.isEmpty()) {
            return new Explained("Nothing done: CommandPost has no such follow-up for " + team + ".");
        }
        List<String> keys = FollowUpMessages.folded(followUp.get());
        Instant now = clock.instant();
        List<AlertEvent> acknowledged = new ArrayList<>();
        for (String key : keys) {
            AlertState state = lifecycles.find(team, key).orElse(null);
            if (state != null && state.isOpen() && !state.isAcknowledged()) {
                acknowledged.add(PersonActions.decide(Act.ACKNOWLEDGE, team, key, state, person, VIA, null,
                        UUID.randomUUID(), now));
            }
        }
        if (acknowledged.isEmpty()) {
            return new Explained("Nothing to acknowledge: the " + keys.size() + " alerts of this follow-up are "
                    + "acknowledged or resolved already.");
        }
        String type = QuarkusTransaction.requiringNew()
                .call(() -> outbox.publish(List.copyOf(acknowledged), metadata).get(0).eventType());
        LOG.infof("%s acknowledged %d alerts of %s from a Slack follow-up", person, acknowledged.size(), team);
        Notification sent = followUp.get();
        PageMessages.Message done = followUps.render(sent, acknowledged.size() + " acknowledged by " + person);
        String token = workspace.botToken();
        replies.execute(() -> {
            SlackApi.Outcome updated = slack.update(token, sent.providerChannel(), sent.providerMessageId(),
                    done.text(), done.blocks());
            if (!updated.ok()) {
                LOG.warnf("follow-up %s of %s not updated after acknowledge all: %s", followUpKey, team, updated);
            }
        });
        return new Recorded(type, person);
    }

    private Outcome act(Act act, String team, String dedupKey, String slackUser, EventMetadata metadata) {
        Optional<ContactBook.SlackMember> member = contacts.memberBySlackUser(team, slackUser);
        if (member.isEmpty()) {
            return stranger(team, slackUser);
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
