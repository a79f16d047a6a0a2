package io.commandpost.notification.question;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import io.commandpost.events.QuestionEvent;
import io.commandpost.events.Topics;
import io.commandpost.notification.answer.AnswerText;
import io.commandpost.notification.answer.SlackQuestion;
import io.commandpost.notification.answer.SlackThread;
import io.commandpost.notification.delivery.DeliveryKind;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.Notifications;
import io.commandpost.notification.delivery.PageChannel;
import io.commandpost.notification.oncall.OnCallDirectory;
import io.commandpost.notification.oncall.Recipient;
import io.commandpost.platform.eventing.EventConsumer;
import io.commandpost.platform.eventing.EventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Answers Slack questions in Slack, in their thread. Remembers each question asked in Slack ({@code QuestionAsked}
 * with channel {@code slack}: the asker's Slack user id, the question, where); a slash-command question, which Slack
 * showed to its asker alone, is also posted in its channel as the app's message (a QUESTION delivery, its ts kept),
 * so it has a thread. The question's {@code QuestionAnswered} becomes one ANSWER delivery on the {@code slack}
 * channel: {@code chat.postMessage} with {@code thread_ts} = the asker's message, or the app's post of the slash
 * command. One delivery per event, whatever the replays; both events are keyed by question id, so the question is
 * seen first.
 */
@ApplicationScoped
public class SlackAnswers implements EventConsumer {

    private static final Logger LOG = Logger.getLogger(SlackAnswers.class);
    static final String SLACK = "slack";

    private final QuestionThreads threads;
    private final Notifications notifications;
    private final OnCallDirectory onCall;
    private final Instance<PageChannel> channels;
    private final Clock clock;

    SlackAnswers(QuestionThreads threads, Notifications notifications, OnCallDirectory onCall,
                 Instance<PageChannel> channels, Clock clock) {
        this.threads = threads;
        this.notifications = notifications;
        this.onCall = onCall;
        this.channels = channels;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "slack-answers";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.QUESTIONS);
    }

    @Override
    public void handle(EventEnvelope envelope) {
        Optional<DomainEvent> event = envelope.event();
        if (event.isEmpty()) {
            return;
        }
        if (event.get() instanceof QuestionEvent.QuestionAsked asked && SLACK.equals(asked.channel())) {
            asked(envelope, asked);
        } else if (event.get() instanceof QuestionEvent.QuestionAnswered answered && SLACK.equals(answered.channel())) {
            answered(envelope, answered);
        }
    }

    private void asked(EventEnvelope envelope, QuestionEvent.QuestionAsked asked) {
        threads.save(new QuestionThreads.Thread(asked.questionId(), asked.team(), asked.channel(), asked.asker(),
                asked.threadRef(), null, asked.text()), asked.askedAt());
        Optional<SlackThread> where = SlackThread.parse(asked.threadRef());
        if (where.isEmpty() || where.get().inThread()) {
            return; // a message: it has its own thread already
        }
        SlackQuestion question = new SlackQuestion(asked.questionId(), where.get().channel(), null, asked.asker(),
                asked.text(), null);
        Instant now = clock.instant();
        Notification post = Notification.slackQuestion(SlackQuestion.postIdOf(asked.questionId()),
                DeliveryKind.QUESTION, asked.team(), asked.questionId().toString(), json(question),
                AnswerText.question(asked.asker(), asked.text()), envelope.eventId(),
                EventMetadata.causedBy(envelope).correlationId(), now);
        if (!slackReaches(asked.team())) {
            post = post.skipped(notConnected(asked.team()), now);
        }
        if (!notifications.insert(post)) {
            LOG.debugf("question %s is already posted in Slack", asked.questionId());
        }
    }

    private void answered(EventEnvelope envelope, QuestionEvent.QuestionAnswered answered) {
        Optional<QuestionThreads.Thread> asked = threads.find(answered.questionId());
        String threadRef = answered.threadRef() != null ? answered.threadRef()
                : asked.map(QuestionThreads.Thread::threadRef).orElse(null);
        Optional<SlackThread> where = SlackThread.parse(threadRef);
        Instant now = clock.instant();
        String mro = onCall.member(answered.team(), answered.answeredBy()).map(Recipient::displayName)
                .filter(name -> !name.isBlank()).orElse(answered.answeredBy());
        SlackQuestion question = new SlackQuestion(answered.questionId(),
                where.map(SlackThread::channel).orElse(null), where.map(SlackThread::threadTs).orElse(null),
                asked.map(QuestionThreads.Thread::asker).orElse(null),
                asked.map(QuestionThreads.Thread::question).orElse(null), mro);
        Notification answer = Notification.slackQuestion(SlackQuestion.answerIdOf(envelope.eventId()),
                DeliveryKind.ANSWER, answered.team(), answered.questionId().toString(), json(question),
                answered.answer(), envelope.eventId(), EventMetadata.causedBy(envelope).correlationId(), now);
        if (where.isEmpty()) {
            answer = answer.skipped("the question names no Slack channel to answer in", now);
        } else if (!slackReaches(answered.team())) {
            answer = answer.skipped(notConnected(answered.team()), now);
        }
        if (!notifications.insert(answer)) {
            LOG.debugf("answer to question %s is already queued", answered.questionId());
        }
    }

    private boolean slackReaches(String team) {
        return channels.stream().anyMatch(channel -> Notification.SLACK.equals(channel.channel())
                && channel.reachesTeam(team));
    }

    private static String notConnected(String team) {
        return "slack: team " + team + " is not connected to Slack (PUT /v1/teams/" + team + "/slack)";
    }

    private static JsonNode json(SlackQuestion question) {
        return EventJson.mapper().valueToTree(question);
    }
}
