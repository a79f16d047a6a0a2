package io.commandpost.notification.email;

import io.commandpost.notification.config.NotifyConfig;
import io.commandpost.notification.contact.ContactBook;
import io.commandpost.notification.contact.TeamChannels;
import io.commandpost.notification.delivery.AttemptResult;
import io.commandpost.notification.delivery.ChannelSender;
import io.commandpost.notification.delivery.DeliveryKind;
import io.commandpost.notification.delivery.Notification;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code email} channel: sends one delivery over SMTP (quarkus-mailer). The mail is rendered by
 * {@link EmailTexts}, the same on every attempt, its Message-ID derived from the notification id: a retry reuses
 * it, so a receiver dedupes, and it is kept as the delivery's provider message id. A person's delivery goes to
 * their address; one to the team (team-channel page, morning announcement) to the team's email list. A permanent
 * SMTP refusal (5xx) gives the delivery up; a transient one (4xx), a timeout or an unreachable server is retried.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final ReactiveMailer mailer;
    private final NotifyConfig.Email config;
    private final ContactBook contacts;

    EmailSender(ReactiveMailer mailer, NotifyConfig config, ContactBook contacts) {
        this.mailer = mailer;
        this.config = config.email();
        this.contacts = contacts;
    }

    @Override
    public String channel() {
        return Notification.EMAIL;
    }

    @Override
    public AttemptResult send(Notification notification, Instant now) {
        if (!config.enabled()) {
            return AttemptResult.failedForGood(NotifyConfig.EMAIL_DISABLED);
        }
        String to = addressOf(notification);
        Optional<EmailMessage> rendered = EmailTexts.render(notification, to, config.apiUrl(),
                config.messageIdDomain());
        if (rendered.isEmpty()) {
            return AttemptResult.failedForGood(notification.recipient() == null || notification.toTeamChannel()
                    ? "no email list set for team " + notification.team()
                    : "no email address known for " + notification.recipientHandle());
        }
        EmailMessage message = rendered.get();
        Mail mail = Mail.withText(message.to(), message.subject(), message.text())
                .setFrom(config.from())
                .addHeader("Message-ID", message.messageId())
                .addHeader("X-CommandPost-Event-Id", notification.notificationId().toString());
        if (message.inReplyTo() != null) {
            mail.addHeader("In-Reply-To", message.inReplyTo()).addHeader("References", message.inReplyTo());
        }
        Duration timeout = config.timeout();
        try {
            mailer.send(mail).await().atMost(timeout);
            return AttemptResult.deliveredAs(message.to(), message.messageId(), "SMTP accepted " + message.messageId());
        } catch (RuntimeException e) {
            return failure(e);
        }
    }

    /** The person's address, or the team's email list for a delivery to the team. */
    private String addressOf(Notification notification) {
        if (notification.recipient() != null && !notification.toTeamChannel()) {
            return notification.recipient().email();
        }
        if (notification.kind() != DeliveryKind.PAGE && notification.kind() != DeliveryKind.ANNOUNCEMENT) {
            return null; // a reminder or answer goes to one person, never to the team's list
        }
        return contacts.channels(notification.team()).map(TeamChannels::emailList).orElse(null);
    }

    private static AttemptResult failure(RuntimeException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof SMTPException)) {
            cause = cause.getCause();
        }
        if (cause instanceof SMTPException smtp) {
            return new AttemptResult(false, !smtp.isPermanent(),
                    "SMTP server answered " + smtp.getReplyCode() + " " + smtp.getReplyMessage());
        }
        return new AttemptResult(false, true, "SMTP server unreachable: " + e);
    }
}
