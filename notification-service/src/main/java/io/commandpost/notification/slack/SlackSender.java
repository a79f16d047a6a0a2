package io.commandpost.notification.slack;

import io.commandpost.events.EventJson;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.notification.answer.AnswerText;
import io.commandpost.notification.answer.SlackQuestion;
import io.commandpost.notification.answer.SlackThread;
import io.commandpost.notification.delivery.AttemptResult;
import io.commandpost.notification.delivery.ChannelSender;
import io.commandpost.notification.delivery.DeliveryKind;
import io.commandpost.notification.delivery.DeliveryStatus;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.Notifications;
import io.commandpost.notification.delivery.PageChannel;
import io.commandpost.notification.paging.AlertLifecycles;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code slack} channel. A page goes as a Block Kit message with buttons ({@link PageMessages}) to the person's
 * DM (their Slack user id) or, for the {@code team-channel} target, to the team's channel, in the workspace the
 * team is mapped to. What Slack answered (channel + ts) is kept with the delivery at once, so a retry of a page
 * Slack already has updates it instead of posting it twice; a later page about the same alert occurrence to the
 * same place (an escalation repeat) is a reply in the first message's thread. Posts to one channel are spaced
 * about a second apart and Slack's {@code Retry-After} is honoured: the delivery is rescheduled, the lane goes on.
 * Reminders and announcements go as plain text (to the person's DM, to the team channel). A slash-command
 * question is posted in its channel, and the MRO's answer to a Slack question is a reply in its thread
 * ({@code thread_ts}). Whatever Slack already has (its ts is kept) is never posted again.
 */
@ApplicationScoped
public class SlackSender implements ChannelSender, PageChannel {

    /** How long an answer waits before looking again for the app's post of its slash-command question. */
    static final Duration QUESTION_FIRST = Duration.ofSeconds(1);

    private final SlackWorkspaces workspaces;
    private final SlackApi slack;
    private final Notifications notifications;
    private final AlertLifecycles lifecycles;
    private final ChannelPacer pacer;
    private final FollowUpMessages followUps;

    SlackSender(SlackWorkspaces workspaces, SlackApi slack, Notifications notifications, AlertLifecycles lifecycles,
                SlackSettings settings, FollowUpMessages followUps) {
        this.followUps = followUps;
        this.workspaces = workspaces;
        this.slack = slack;
        this.notifications = notifications;
        this.lifecycles = lifecycles;
        this.pacer = new ChannelPacer(settings.perChannelInterval());
    }

    @Override
    public String channel() {
        return Notification.SLACK;
    }

    @Override
    public boolean reachesTeam(String team) {
        return workspaces.teamChannel(team).isPresent();
    }

    @Override
    public AttemptResult send(Notification notification, Instant now) {
        Optional<SlackWorkspaces.TeamChannel> mapping = workspaces.teamChannel(notification.team());
        if (mapping.isEmpty()) {
            return AttemptResult.failedForGood("slack: team " + notification.team() + " is not connected to Slack");
        }
        Optional<SlackWorkspaces.Workspace> workspace = workspaces.find(mapping.get().slackTeamId());
        if (workspace.isEmpty()) {
            return AttemptResult.failedForGood("slack: no workspace " + mapping.get().slackTeamId());
        }
        String token = workspace.get().botToken();
        if (notification.kind() != DeliveryKind.PAGE && notification.providerMessageId() != null) {
            // Slack has it already (the outcome of an earlier attempt was lost): never post it twice
            return AttemptResult.deliveredAs(notification.providerChannel(), notification.providerMessageId(),
                    "already in Slack as " + notification.providerMessageId());
        }
        if (notification.kind() == DeliveryKind.QUESTION || notification.kind() == DeliveryKind.ANSWER) {
            return question(notification, token, now);
        }
        boolean toChannel = notification.kind() == DeliveryKind.ANNOUNCEMENT || notification.toTeamChannel();
        String destination = toChannel ? mapping.get().channelId()
                : notification.recipient() == null ? null : notification.recipient().slackUserId();
        if (destination == null || destination.isBlank()) {
            return AttemptResult.failedForGood("slack: " + notification.recipientHandle() + " has no Slack user id");
        }
        if (notification.kind() == DeliveryKind.ANNOUNCEMENT) {
            return post(notification, token, destination, notification.message(),
                    AnnouncementBlocks.of(notification.message()), null, now);
        }
        if (notification.kind() != DeliveryKind.PAGE) {
            return post(notification, token, destination, notification.message(), null, null, now);
        }
        AlertState state = lifecycles.find(notification.team(), notification.alert().dedupKey()).orElse(null);
        PageMessages.Message message = PageMessages.isFollowUp(notification.alert())
                ? followUps.render(notification, null)
                : PageMessages.page(notification.team(), notification.alert(), state);
        if (notification.providerMessageId() != null) {
            // Slack has it already (the outcome of an earlier attempt was lost): bring it up to date, never post twice
            SlackApi.Outcome outcome = slack.update(token, notification.providerChannel(),
                    notification.providerMessageId(), message.text(), message.blocks());
            return outcome instanceof SlackApi.Failed failed && !failed.permanent()
                    ? result(outcome) : AttemptResult.deliveredAs(notification.providerChannel(),
                    notification.providerMessageId(), "already in Slack as " + notification.providerMessageId());
        }
        Optional<Notification> thread = threadOf(notification, state);
        if (thread.isPresent()) {
            Notification root = thread.get();
            String reply = "Paged again: " + PageMessages.escape(notification.alert().summary()) + " ("
                    + PageMessages.status(state) + ")";
            return post(notification, token, root.providerChannel(), reply, null, root.providerMessageId(), now);
        }
        return post(notification, token, destination, message.text(), message.blocks(), null, now);
    }

    /**
     * A slash-command question posted in its channel, or an answer: a reply in the question's thread (the asker's
     * message, or the app's post of the slash command: the answer waits while that post is pending). With no
     * thread to reply in (the post failed or was skipped), the answer goes in the channel, mentioning the asker
     * and quoting the question.
     */
    private AttemptResult question(Notification notification, String token, Instant now) {
        SlackQuestion question = EventJson.mapper().convertValue(notification.subject(), SlackQuestion.class);
        if (question == null || question.channel() == null) {
            return AttemptResult.failedForGood("slack: the question names no channel");
        }
        if (notification.kind() == DeliveryKind.QUESTION) {
            return post(notification, token, question.channel(), notification.message(), null, null, now);
        }
        SlackThread thread = question.where();
        if (!thread.inThread()) {
            Optional<Notification> posted = notifications.find(SlackQuestion.postIdOf(question.questionId()));
            if (posted.isPresent() && posted.get().providerMessageId() != null) {
                thread = new SlackThread(posted.get().providerChannel(), posted.get().providerMessageId());
            } else if (posted.isPresent() && posted.get().status() == DeliveryStatus.PENDING) {
                return AttemptResult.rateLimited(QUESTION_FIRST, "slack: the question is not posted in "
                        + question.channel() + " yet; the answer goes in its thread");
            }
        }
        String text = AnswerText.of(thread, question.asker(), question.question(), question.answeredBy(),
                notification.message());
        return post(notification, token, thread.channel(), text, null, thread.threadTs(), now);
    }

    private AttemptResult post(Notification notification, String token, String channel, String text,
                               List<com.slack.api.model.block.LayoutBlock> blocks, String threadTs, Instant now) {
        Optional<Duration> wait = pacer.take(channel, now);
        if (wait.isPresent()) {
            return AttemptResult.rateLimited(wait.get(), "slack: one message per second in " + channel);
        }
        SlackApi.Outcome outcome = slack.postMessage(token, channel, text, blocks, threadTs);
        if (outcome instanceof SlackApi.Posted posted) {
            notifications.recordProviderMessage(notification.notificationId(), posted.channel(), posted.ts(), now);
        }
        return result(outcome);
    }

    private static AttemptResult result(SlackApi.Outcome outcome) {
        if (outcome instanceof SlackApi.Posted posted) {
            return AttemptResult.deliveredAs(posted.channel(), posted.ts(), "slack: ok, ts " + posted.ts());
        }
        if (outcome instanceof SlackApi.Throttled throttled) {
            return AttemptResult.rateLimited(throttled.retryAfter(), "slack: ratelimited, retry after "
                    + throttled.retryAfter().toSeconds() + "s");
        }
        SlackApi.Failed failed = (SlackApi.Failed) outcome;
        return failed.permanent() ? AttemptResult.failedForGood("slack: " + failed.error())
                : new AttemptResult(false, true, "slack: " + failed.error());
    }

    /** The first message Slack has about this alert's occurrence for the same person (or team channel), if any. */
    private Optional<Notification> threadOf(Notification notification, AlertState state) {
        return roots(notifications.sentAbout(notification.team(), Notification.SLACK, Notification.SUBJECT_ALERT,
                notification.alert().dedupKey()), state).stream()
                .filter(root -> !root.notificationId().equals(notification.notificationId()))
                .filter(root -> java.util.Objects.equals(root.recipientHandle(), notification.recipientHandle()))
                .findFirst();
    }

    /**
     * Of the Slack deliveries about an alert (oldest first), the first per recipient within the current occurrence:
     * the messages with buttons; later ones are replies in their threads.
     */
    static List<Notification> roots(List<Notification> sent, AlertState state) {
        Instant since = state == null ? null : state.openedAt();
        java.util.Map<String, Notification> first = new java.util.LinkedHashMap<>();
        for (Notification n : sent) {
            if (n.kind() == DeliveryKind.PAGE && (since == null || !n.createdAt().isBefore(since))) {
                first.putIfAbsent(String.valueOf(n.recipientHandle()), n);
            }
        }
        return List.copyOf(first.values());
    }
}
