package io.commandpost.ingest.email;

import io.commandpost.events.QuestionEvent;
import io.commandpost.ingest.intake.IntakeContext;
import io.commandpost.ingest.intake.RejectedBodyException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail as inbound-parse services post it (SendGrid: from, to, subject, text, headers; Mailgun:
 * sender, recipient, subject, body-plain, Message-Id), turned into a question for the MRO, answered
 * later in the same mail thread (threadRef = the Message-ID).
 */
public record InboundMail(String from, String to, String subject, String text, String messageId) {

    public static final String CHANNEL = "email";
    private static final Pattern MESSAGE_ID_HEADER =
            Pattern.compile("(?im)^message-id:\\s*(<[^>\\r\\n]+>|\\S+)\\s*$");

    /** The Message-ID from a raw header block (SendGrid's {@code headers} field), or null. */
    public static String messageIdFromHeaders(String headers) {
        if (headers == null) {
            return null;
        }
        Matcher matcher = MESSAGE_ID_HEADER.matcher(headers);
        return matcher.find() ? matcher.group(1) : null;
    }

    public QuestionEvent.QuestionAsked toQuestion(IntakeContext context) {
        if (from == null || from.isBlank()) {
            throw RejectedBodyException.field("/from", "the sender's address is required");
        }
        boolean noSubject = subject == null || subject.isBlank();
        boolean noText = text == null || text.isBlank();
        if (noSubject && noText) {
            throw RejectedBodyException.field("/text", "a mail with neither subject nor text asks nothing");
        }
        String question = noSubject ? text.strip() : noText ? subject.strip() : subject.strip() + "\n\n" + text.strip();
        // a redelivered mail (same Message-ID at the same integration) becomes the same question
        UUID questionId = messageId == null || messageId.isBlank() ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(("email:" + context.integrationId() + ":" + messageId)
                .getBytes(StandardCharsets.UTF_8));
        return new QuestionEvent.QuestionAsked(questionId, context.team(), CHANNEL, from.strip(), question,
                messageId == null || messageId.isBlank() ? null : messageId.strip(), context.receivedAt());
    }

}
