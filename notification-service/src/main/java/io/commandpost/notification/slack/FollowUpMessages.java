package io.commandpost.notification.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.notification.config.NotifyConfig;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.digest.DigestItem;
import io.commandpost.notification.digest.DigestLinks;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * A flood follow-up's Slack message, from its delivery: the alerts it folds (kept with the delivery), each linked
 * like the morning digest's items ({@code commandpost.notify.digest.link-base}), and the team's queue behind Open
 * the list.
 */
@ApplicationScoped
public class FollowUpMessages {

    private final DigestLinks links;

    FollowUpMessages(NotifyConfig config) {
        this.links = new DigestLinks(config.digest().linkBase().toString());
    }

    /** The dedup keys of the alerts a follow-up delivery folds. */
    public static List<String> folded(Notification followUp) {
        List<String> keys = new ArrayList<>();
        JsonNode subject = followUp.subject();
        if (subject != null) {
            subject.path(Notification.FOLDED_KEYS).forEach(key -> keys.add(key.asText()));
        }
        return keys;
    }

    /** The message; {@code acknowledgedBy} says who acknowledged them through its button, null while nobody did. */
    public PageMessages.Message render(Notification followUp, String acknowledgedBy) {
        String team = followUp.team();
        return PageMessages.followUp(team, followUp.alert(), folded(followUp),
                key -> links.link(team, DigestItem.ALERT, key), links.queue(team), acknowledgedBy);
    }
}
