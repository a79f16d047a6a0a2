package io.commandpost.notification.question;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import io.commandpost.events.QuestionEvent;
import io.commandpost.events.Topics;
import io.commandpost.notification.config.NotifyConfig;
import io.commandpost.notification.email.EmailTexts;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.Notifications;
import io.commandpost.notification.oncall.Recipient;
import io.commandpost.platform.eventing.EventConsumer;
import io.commandpost.platform.eventing.EventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Answers emailed questions by email, in their thread: remembers each question asked by email
 * ({@code QuestionAsked} with channel {@code email}: the sender's address and the mail's Message-ID), and turns
 * its {@code QuestionAnswered} into one ANSWER delivery to the asker, {@code Re: <subject>}, with In-Reply-To and
 * References set to the question's Message-ID. One delivery per answer event, whatever the replays. Both events
 * are keyed by question id, so the question is known before its answer arrives.
 */
@ApplicationScoped
public class EmailAnswers implements EventConsumer {

    private static final Logger LOG = Logger.getLogger(EmailAnswers.class);
    static final String EMAIL = "email";

    private final QuestionThreads threads;
    private final Notifications notifications;
    private final NotifyConfig config;
    private final Clock clock;

    EmailAnswers(QuestionThreads threads, Notifications notifications, NotifyConfig config, Clock clock) {
        this.threads = threads;
        this.notifications = notifications;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "email-answers";
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
        if (event.get() instanceof QuestionEvent.QuestionAsked asked && EMAIL.equals(asked.channel())) {
            threads.save(new QuestionThreads.Thread(asked.questionId(), asked.team(), asked.channel(), asked.asker(),
                    asked.threadRef(), subjectOf(asked.text()), asked.text()), asked.askedAt());
        } else if (event.get() instanceof QuestionEvent.QuestionAnswered answered && EMAIL.equals(answered.channel())) {
            queue(envelope, answered);
        }
    }

    private void queue(EventEnvelope envelope, QuestionEvent.QuestionAnswered answered) {
        Instant now = clock.instant();
        Optional<QuestionThreads.Thread> thread = threads.find(answered.questionId());
        String asker = thread.map(QuestionThreads.Thread::asker).orElse(null);
        ObjectNode quoted = EventJson.mapper().createObjectNode();
        quoted.put(EmailTexts.ASKER, asker);
        quoted.put(EmailTexts.THREAD_REF, answered.threadRef() != null ? answered.threadRef()
                : thread.map(QuestionThreads.Thread::threadRef).orElse(null));
        quoted.put(EmailTexts.ORIGINAL_SUBJECT, thread.map(QuestionThreads.Thread::subject).orElse(null));
        quoted.put(EmailTexts.QUESTION, thread.map(QuestionThreads.Thread::question).orElse(null));
        quoted.put(EmailTexts.ANSWERED_BY, answered.answeredBy());
        Recipient recipient = asker == null ? null : new Recipient(asker, null, asker, null);
        UUID id = UUID.nameUUIDFromBytes(("answer:" + envelope.eventId()).getBytes(StandardCharsets.UTF_8));
        Notification answer = Notification.answer(id, answered.team(), recipient, answered.questionId().toString(),
                quoted, answered.answer(), envelope.eventId(), EventMetadata.causedBy(envelope).correlationId(), now);
        if (!config.email().enabled()) {
            answer = answer.skipped(NotifyConfig.EMAIL_DISABLED, now);
        } else if (recipient == null) {
            answer = answer.skipped("the question was not seen asked by email here: no address to answer", now);
        }
        if (!notifications.insert(answer)) {
            LOG.debugf("answer to question %s is already queued", answered.questionId());
        }
    }

    /**
     * The mail's subject: intake makes an emailed question {@code <subject>\n\n<text>} (or one of them alone), so
     * its first line.
     */
    static String subjectOf(String question) {
        if (question == null || question.isBlank()) {
            return null;
        }
        return question.strip().lines().findFirst().orElse(null);
    }
}
