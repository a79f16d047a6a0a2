package io.commandpost.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Flood control of one person on one channel of a team (notification-service, one stream per
 * {@code <team>/<person>/<channel>}), published on the notifications topic: at most one page per window, the
 * alerts that arrive meanwhile held and named by one follow-up.
 */
public sealed interface FloodEvent extends DomainEvent {

    String team();

    String person();

    String channel();

    @Override
    default String aggregateId() {
        return streamId(team(), person(), channel());
    }

    static String streamId(String team, String person, String channel) {
        return team + "/" + person + "/" + channel;
    }

    /** An alert paged the person at once, as page {@code pageId}. {@code group}: its Alertmanager group, or null. */
    record FloodPageSent(String team, String person, String channel, UUID pageId, String dedupKey, String group,
                         Instant sentAt) implements FloodEvent {
    }

    /** An alert of a group already paged joined that page: no new page, the page lists it. */
    record FloodAlertJoined(String team, String person, String channel, UUID pageId, String dedupKey,
                            Instant joinedAt) implements FloodEvent {
    }

    /** An alert arrived within the window: held for the follow-up. */
    record FloodAlertHeld(String team, String person, String channel, String dedupKey, String summary, String group,
                          Instant heldAt) implements FloodEvent {
    }

    /** The window ended: one page, {@code pageId}, names every alert held meanwhile. */
    record FloodFollowUpSent(String team, String person, String channel, UUID pageId, List<String> dedupKeys,
                             String text, Instant sentAt) implements FloodEvent {
    }
}
