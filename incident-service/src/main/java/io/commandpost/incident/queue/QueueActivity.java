package io.commandpost.incident.queue;

import java.time.Instant;

/**
 * What people did with a queue item, beside its status: who acted last and how, who owns it (who claimed it,
 * or the receiver of a handover that carried it), until when it is snoozed, and where a question came from.
 *
 * @param lastAction the event type name of the last act ({@code question.claimed}, {@code shift.handed-over} …)
 */
public record QueueActivity(ItemKey key, String lastActor, String lastAction, Instant lastActedAt, String owner,
                            Instant ownedSince, Instant snoozedUntil, String channel, String threadRef) {

    public static QueueActivity none(ItemKey key) {
        return new QueueActivity(key, null, null, null, null, null, null, null, null);
    }

    /** The act, unless a newer one is known (topics interleave differently live and in a rebuild). */
    QueueActivity acted(String actor, String action, Instant at) {
        if (lastActedAt != null && at.isBefore(lastActedAt)) {
            return this;
        }
        return new QueueActivity(key, actor, action, at, owner, ownedSince, snoozedUntil, channel, threadRef);
    }

    /** The new owner, unless a newer ownership is known. */
    QueueActivity owned(String newOwner, Instant since) {
        if (ownedSince != null && since.isBefore(ownedSince)) {
            return this;
        }
        return new QueueActivity(key, lastActor, lastAction, lastActedAt, newOwner, since, snoozedUntil, channel,
                threadRef);
    }

    QueueActivity snoozed(Instant until) {
        return new QueueActivity(key, lastActor, lastAction, lastActedAt, owner, ownedSince, until, channel,
                threadRef);
    }

    QueueActivity from(String fromChannel, String fromThread) {
        return new QueueActivity(key, lastActor, lastAction, lastActedAt, owner, ownedSince, snoozedUntil,
                fromChannel, fromThread);
    }
}
