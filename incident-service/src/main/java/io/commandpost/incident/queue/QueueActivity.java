package io.commandpost.incident.queue;

import java.time.Instant;

/**
 * What people did with a queue item, beside its status: who acted last and how, who owns it (who claimed it,
 * or the receiver of a handover that carried it), until when it is snoozed, and where a question came from.
 *
 * @param lastAction the event type name of the last act ({@code question.claimed}, {@code shift.handed-over} …)
 */
public record QueueActivity(ItemKey key, String lastActor, String lastAction, Instant lastActedAt, String owner,
                            Instant snoozedUntil, String channel, String threadRef) {

    public static QueueActivity none(ItemKey key) {
        return new QueueActivity(key, null, null, null, null, null, null, null);
    }

    QueueActivity acted(String actor, String action, Instant at) {
        return new QueueActivity(key, actor, action, at, owner, snoozedUntil, channel, threadRef);
    }

    QueueActivity owned(String newOwner) {
        return new QueueActivity(key, lastActor, lastAction, lastActedAt, newOwner, snoozedUntil, channel, threadRef);
    }

    QueueActivity snoozed(Instant until) {
        return new QueueActivity(key, lastActor, lastAction, lastActedAt, owner, until, channel, threadRef);
    }

    QueueActivity from(String fromChannel, String fromThread) {
        return new QueueActivity(key, lastActor, lastAction, lastActedAt, owner, snoozedUntil, fromChannel,
                fromThread);
    }
}
