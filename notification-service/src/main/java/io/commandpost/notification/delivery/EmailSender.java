package io.commandpost.notification.delivery;

import io.commandpost.notification.config.NotifyConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends one email delivery over SMTP (quarkus-mailer). The mail is rendered by {@link EmailTexts}, the same on
 * every attempt, its Message-ID derived from the notification id: a retry reuses it, so a receiver dedupes.
 * A permanent SMTP refusal (5xx) gives the delivery up; a transient one (4xx), a timeout or an unreachable
 * server asks for a retry.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final ReactiveMailer mailer;
    private final NotifyConfig.Email config;

    EmailSender(ReactiveMailer mailer, NotifyConfig config) {
        this.mailer = mailer;
        this.config = config.email();
    }

    public boolean enabled() {
        return config.enabled();
    }

    public String messageIdOf(Notification notification) {
        return EmailTexts.messageId(notification.notificationId(), config.messageIdDomain());
    }

    @Override
    public String channel() {
        return Notification.EMAIL;
    }

    @Override
    public AttemptResult send(Notification notification, java.time.Instant now) {
        return send(notification);
    }

    public AttemptResult send(Notification notification) {
        if (!config.enabled()) {
            return new AttemptResult(false, false, NotifyConfig.EMAIL_DISABLED);
        }
        URI api = config.apiUrl();
        Optional<EmailMessage> rendered = EmailTexts.render(notification, api, config.messageIdDomain());
        if (rendered.isEmpty()) {
            return new AttemptResult(false, false, "no email address known for " + notification.recipientHandle());
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
            return new AttemptResult(true, false, "SMTP accepted " + message.messageId());
        } catch (RuntimeException e) {
            return failure(e);
        }
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
