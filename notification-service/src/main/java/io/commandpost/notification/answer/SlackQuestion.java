package io.commandpost.notification.answer;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A question asked in Slack as its deliveries keep it (their {@code subject}): where it was asked ({@code channel},
 * and {@code threadTs} when it was a message; a slash command has none), who asked (a Slack user id), its words
 * and, on an answer, who answered (as named to people). Pure.
 */
public record SlackQuestion(UUID questionId, String channel, String threadTs, String asker, String question,
                            String answeredBy) {

    /**
     * The id of the app's message that makes a slash-command question visible in its channel: one per question,
     * whatever the replays, and the answer finds it by the question's id alone.
     */
    public static UUID postIdOf(UUID questionId) {
        return UUID.nameUUIDFromBytes(("slack-question:" + questionId).getBytes(StandardCharsets.UTF_8));
    }

    /** The id of the answer's delivery, one per answer event. */
    public static UUID answerIdOf(UUID answerEventId) {
        return UUID.nameUUIDFromBytes(("slack-answer:" + answerEventId).getBytes(StandardCharsets.UTF_8));
    }

    public SlackThread where() {
        return new SlackThread(channel, threadTs);
    }

    /** The same question, answered by {@code mro}. */
    public SlackQuestion answeredBy(String mro) {
        return new SlackQuestion(questionId, channel, threadTs, asker, question, mro);
    }
}
