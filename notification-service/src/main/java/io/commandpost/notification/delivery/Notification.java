package io.commandpost.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.NotificationEvent;
import io.commandpost.notification.oncall.Recipient;
import java.time.Instant;
import java.util.UUID;

/**
 * One delivery (page, reminder, announcement, answer, or a Slack question made visible) and its state.
 *
 * @param recipient    null while not resolved yet, and for announcements (they go to a channel)
 * @param alert        the paged alert (pages only)
 * @param subject      the source event a reminder or announcement is rendered from (null for pages)
 * @param message      the rendered text of a reminder or announcement, null until resolved
 * @param resolveUntil until when an unresolved delivery waits for the on-call projection
 * @param triggeredBy  the id of the event that caused the delivery
 * @param channel      the delivery method: {@code webhook}, {@code team-channel}, {@code slack}, {@code email}; the
 *                     {@link ChannelSender} of that channel sends it
 * @param providerChannel   where the provider keeps what it received (a Slack channel id), null until known
 * @param providerMessageId the provider's id of it (Slack {@code ts}, email Message-ID), null until known: a
 *                          retry that finds it does not send again
 */
public record Notification(
        UUID notificationId,
        DeliveryKind kind,
        String team,
        Recipient recipient,
        String channel,
        String subjectType,
        String subjectId,
        PageAlert alert,
        JsonNode subject,
        String message,
        UUID triggeredBy,
        UUID correlationId,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant resolveUntil,
        String lastError,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant completedAt,
        String providerChannel,
        String providerMessageId) {

    public static final String CHANNEL = "webhook";
    public static final String WEBHOOK = CHANNEL;
    public static final String ANNOUNCEMENT_CHANNEL = "team-channel";
    public static final String SLACK = "slack";
    public static final String EMAIL = "email";
    public static final String SUBJECT_ALERT = "alert";
    public static final String SUBJECT_QUESTION = "question";
    /** Where a flood follow-up's delivery keeps the dedup keys of the alerts it folds ({@code subject.dedupKeys}). */
    public static final String FOLDED_KEYS = "dedupKeys";
    /** The recipient handle of a page to the team's own channel (escalation target {@code team-channel}). */
    public static final String TEAM_CHANNEL_RECIPIENT = "team-channel";

    /** The recipient of a page to the team's own channel: no person, so no address. */
    public static Recipient teamChannelRecipient() {
        return new Recipient(TEAM_CHANNEL_RECIPIENT, null, null, null);
    }

    /** True for a page to the team's own channel rather than to a person. */
    public boolean toTeamChannel() {
        return recipient != null && TEAM_CHANNEL_RECIPIENT.equals(recipient.handle());
    }

    /**
     * A page waiting for its first attempt, due at once. Without a recipient (no MRO known yet) it is
     * resolved at delivery time until {@code resolveUntil}.
     */
    public static Notification page(UUID notificationId, String team, Recipient recipient, PageAlert alert,
                                    UUID triggeredBy, UUID correlationId, Instant now, Instant resolveUntil) {
        return page(notificationId, CHANNEL, team, recipient, alert, triggeredBy, correlationId, now, resolveUntil);
    }

    /**
     * A page through a channel ({@code webhook}, {@code slack}, {@code email}); a page to a team's channel has
     * no recipient and no {@code resolveUntil}.
     */
    public static Notification page(UUID notificationId, String channel, String team, Recipient recipient,
                                    PageAlert alert, UUID triggeredBy, UUID correlationId, Instant now,
                                    Instant resolveUntil) {
        return new Notification(notificationId, DeliveryKind.PAGE, team, recipient, channel, SUBJECT_ALERT,
                alert.dedupKey(), alert, null, null, triggeredBy, correlationId, DeliveryStatus.PENDING, 0, now,
                recipient == null ? resolveUntil : null, null, now, null, null, null, null);
    }

    /** A reminder or announcement about a subject, rendered (and its recipient resolved) at delivery time. */
    public static Notification about(UUID notificationId, DeliveryKind kind, String team, String subjectType,
                                     String subjectId, JsonNode subject, UUID triggeredBy, UUID correlationId,
                                     Instant now, Instant resolveUntil) {
        String channel = kind == DeliveryKind.ANNOUNCEMENT ? ANNOUNCEMENT_CHANNEL : CHANNEL;
        return new Notification(notificationId, kind, team, null, channel, subjectType, subjectId, null, subject,
                null, triggeredBy, correlationId, DeliveryStatus.PENDING, 0, now, resolveUntil, null, now, null, null, null,
                null);
    }

    /**
     * A page on another channel than the webhook (one of a person's notification rules), its recipient known.
     * Due at {@code dueAt}: later than now for a rule that waits for an acknowledgement first.
     */
    public static Notification pageOn(UUID notificationId, String channel, String team, Recipient recipient,
                                      PageAlert alert, UUID triggeredBy, UUID correlationId, Instant now,
                                      Instant dueAt) {
        return new Notification(notificationId, DeliveryKind.PAGE, team, recipient, channel, SUBJECT_ALERT,
                alert.dedupKey(), alert, null, null, triggeredBy, correlationId, DeliveryStatus.PENDING, 0, dueAt,
                null, null, now, null, null, null, null);
    }

    /**
     * A flood window's follow-up page through another channel than the webhook (Slack), due at once; {@code folded}
     * keeps what it stands for ({@link #FOLDED_KEYS}: the dedup key of every alert it names), so its buttons can act
     * on them.
     */
    public static Notification followUpOn(UUID notificationId, String channel, String team, Recipient recipient,
                                          PageAlert summary, JsonNode folded, UUID triggeredBy, UUID correlationId,
                                          Instant now) {
        return new Notification(notificationId, DeliveryKind.PAGE, team, recipient, channel, SUBJECT_ALERT,
                summary.dedupKey(), summary, folded, null, triggeredBy, correlationId, DeliveryStatus.PENDING, 0, now,
                null, null, now, null, null, null, null);
    }

    /** An answer to a question, by email to the asker; {@code question} holds what the mail quotes. */
    public static Notification answer(UUID notificationId, String team, Recipient asker, String questionId,
                                      JsonNode question, String answer, UUID triggeredBy, UUID correlationId,
                                      Instant now) {
        return new Notification(notificationId, DeliveryKind.ANSWER, team, asker, EMAIL, SUBJECT_QUESTION,
                questionId, null, question, answer, triggeredBy, correlationId, DeliveryStatus.PENDING, 0, now, null,
                null, now, null, null, null, null);
    }

    /**
     * About a question asked in Slack, on the {@code slack} channel: its answer ({@link DeliveryKind#ANSWER}, the
     * answer's words as {@code text}) or the app's post of a slash-command question in its channel
     * ({@link DeliveryKind#QUESTION}, the post's text); {@code question} keeps where and by whom it was asked.
     */
    public static Notification slackQuestion(UUID notificationId, DeliveryKind kind, String team, String questionId,
                                             JsonNode question, String text, UUID triggeredBy, UUID correlationId,
                                             Instant now) {
        return new Notification(notificationId, kind, team, null, SLACK, SUBJECT_QUESTION, questionId, null, question,
                text, triggeredBy, correlationId, DeliveryStatus.PENDING, 0, now, null, null, now, null, null, null,
                null);
    }

    /** The same delivery through another channel (an announcement to a team connected to Slack goes by Slack). */
    public Notification onChannel(String newChannel) {
        return new Notification(notificationId, kind, team, recipient, newChannel, subjectType, subjectId, alert,
                subject, message, triggeredBy, correlationId, status, attempts, nextAttemptAt, resolveUntil, lastError,
                createdAt, lastAttemptAt, completedAt, providerChannel, providerMessageId);
    }

    /** Recorded but deliberately never sent. */
    public Notification skipped(String reason, Instant now) {
        return new Notification(notificationId, kind, team, recipient, channel, subjectType, subjectId, alert, subject,
                message, triggeredBy, correlationId, DeliveryStatus.SKIPPED, 0, null, null, reason, createdAt, null,
                now, providerChannel, providerMessageId);
    }

    /** The same delivery with its recipient and text known. */
    public Notification resolved(Recipient resolvedRecipient, String resolvedMessage) {
        return new Notification(notificationId, kind, team, resolvedRecipient, channel, subjectType, subjectId, alert,
                subject, resolvedMessage, triggeredBy, correlationId, status, attempts, nextAttemptAt, resolveUntil,
                lastError, createdAt, lastAttemptAt, completedAt, providerChannel, providerMessageId);
    }

    /** True until the recipient (pages, reminders) and the text (reminders, announcements) are known. */
    public boolean unresolved() {
        return switch (kind) {
            case PAGE -> recipient == null;
            case REMINDER -> recipient == null || message == null;
            case ANNOUNCEMENT -> message == null;
            case ANSWER, QUESTION -> false;
        };
    }

    public String recipientHandle() {
        return recipient == null ? null : recipient.handle();
    }

    public NotificationEvent.NotificationSent sent(int attempts, Instant sentAt) {
        return new NotificationEvent.NotificationSent(notificationId, team, recipientHandle(), channel, subjectType,
                subjectId, triggeredBy, attempts, sentAt);
    }

    public NotificationEvent.NotificationFailed failed(int attempts, String reason, Instant failedAt) {
        return new NotificationEvent.NotificationFailed(notificationId, team, recipientHandle(), channel,
                subjectType, subjectId, triggeredBy, attempts, reason, failedAt);
    }

    /** The same delivery through another channel (an announcement or reminder also sent by email). */
    public Notification through(UUID otherId, String otherChannel) {
        return new Notification(otherId, kind, team, recipient, otherChannel, subjectType, subjectId, alert, subject,
                message, triggeredBy, correlationId, status, attempts, nextAttemptAt, resolveUntil, lastError, createdAt,
                lastAttemptAt, completedAt, null, null);
    }
}
