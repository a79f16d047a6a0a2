package io.commandpost.incident.question;

import io.commandpost.events.QuestionEvent;
import io.commandpost.incident.queue.ItemKey;
import io.commandpost.incident.queue.ItemKind;
import io.commandpost.incident.queue.QueueActivity;
import io.commandpost.incident.queue.projection.QueueActivityStore;
import io.commandpost.incident.queue.projection.QueueStore;
import io.commandpost.platform.command.Aggregate;
import io.commandpost.platform.command.Decider;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The MRO's actions on questions for the platform's command handler. The question as asked comes from the
 * queue projection; the decider gets it from here. Scoped to one team: a question id of another team's queue
 * is not found.
 */
public class QuestionAggregate implements Aggregate<QuestionCommand, Question, QuestionEvent> {

    private final String team;
    private final QueueStore queue;
    private final QueueActivityStore activities;

    QuestionAggregate(String team, QueueStore queue, QueueActivityStore activities) {
        this.team = team;
        this.queue = queue;
        this.activities = activities;
    }

    @Override
    public String streamType() {
        return QuestionRepository.STREAM_TYPE;
    }

    @Override
    public Class<QuestionEvent> eventType() {
        return QuestionEvent.class;
    }

    @Override
    public String name() {
        return "question";
    }

    @Override
    public Decider<QuestionCommand, Question, QuestionEvent> decider(String streamId) {
        ItemKey key = new ItemKey(team, ItemKind.QUESTION, streamId);
        QuestionDecider.Asked asked = queue.find(key).map(item -> {
            QueueActivity activity = activities.find(key).orElse(QueueActivity.none(key));
            return new QuestionDecider.Asked(UUID.fromString(streamId), team, activity.channel(),
                    activity.threadRef());
        }).orElse(null);
        return new QuestionDecider(asked);
    }

    /** Builds the per-team aggregate. */
    @ApplicationScoped
    public static class Factory {
        private final QueueStore queue;
        private final QueueActivityStore activities;

        Factory(QueueStore queue, QueueActivityStore activities) {
            this.queue = queue;
            this.activities = activities;
        }

        public QuestionAggregate of(String team) {
            return new QuestionAggregate(team, queue, activities);
        }
    }
}
