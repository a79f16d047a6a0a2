package io.commandpost.notification.slack;

import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.Notifications;
import io.commandpost.notification.paging.AlertLifecycles;
import io.commandpost.notification.paging.AlertStateChanged;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps every Slack page of an alert up to date ({@code chat.update}) whenever its state changes, whoever changed
 * it: once the change commits, each page message of the current occurrence (the first per person or team
 * channel; re-notifications are replies in its thread) is re-rendered from the state saved then. Throttled or
 * failing updates are tried again a few times, each time with the state as it is by then. Best effort: an update
 * lost in a crash is made good by the next change.
 */
@ApplicationScoped
public class MessageUpdates {

    private static final Logger LOG = Logger.getLogger(MessageUpdates.class);
    static final int ATTEMPTS = 5;
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final Notifications notifications;
    private final SlackWorkspaces workspaces;
    private final AlertLifecycles lifecycles;
    private final SlackApi slack;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "slack-message-updates");
        thread.setDaemon(true);
        return thread;
    });

    MessageUpdates(Notifications notifications, SlackWorkspaces workspaces, AlertLifecycles lifecycles,
                   SlackApi slack) {
        this.notifications = notifications;
        this.workspaces = workspaces;
        this.lifecycles = lifecycles;
        this.slack = slack;
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertStateChanged changed) {
        AlertState state = changed.state();
        executor.execute(() -> update(state.team(), state.dedupKey(), 1));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        executor.shutdownNow();
    }

    private void update(String team, String dedupKey, int attempt) {
        try {
            var mapping = workspaces.teamChannel(team);
            if (mapping.isEmpty()) {
                return; // a team without Slack (read first: it is the cheaper read, and most alerts stop here)
            }
            AlertState state = lifecycles.find(team, dedupKey).orElse(null);
            if (state == null) {
                return;
            }
            var workspace = workspaces.find(mapping.get().slackTeamId());
            if (workspace.isEmpty()) {
                return;
            }
            Duration retryAfter = null;
            for (Notification page : SlackSender.roots(notifications.sentAbout(team, Notification.SLACK,
                    Notification.SUBJECT_ALERT, dedupKey), state)) {
                PageMessages.Message message = PageMessages.page(team, page.alert(), state);
                SlackApi.Outcome outcome = slack.update(workspace.get().botToken(), page.providerChannel(),
                        page.providerMessageId(), message.text(), message.blocks());
                if (outcome instanceof SlackApi.Throttled throttled) {
                    retryAfter = throttled.retryAfter();
                } else if (outcome instanceof SlackApi.Failed failed) {
                    LOG.warnf("Slack message %s of alert %s/%s not updated: %s", page.providerMessageId(), team,
                            dedupKey, failed.error());
                    if (!failed.permanent()) {
                        retryAfter = RETRY;
                    }
                }
            }
            if (retryAfter != null && attempt < ATTEMPTS) {
                executor.schedule(() -> update(team, dedupKey, attempt + 1), retryAfter.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Slack messages of alert %s/%s not updated", team, dedupKey);
        }
    }
}
