package io.commandpost.notification.answer;

/**
 * The words of an answer posted back to Slack. In the question's thread it is the answer alone; in the channel
 * (a slash-command question has no thread) it mentions the asker and quotes the question. Pure, mrkdwn.
 */
public final class AnswerText {

    private AnswerText() {
    }

    /**
     * @param thread      where it goes
     * @param askerSlackId the asker's Slack user id, null when unknown
     * @param question    the question's text, null when unknown
     * @param mro         who answered, as named to people
     */
    public static String of(SlackThread thread, String askerSlackId, String question, String mro, String answer) {
        StringBuilder text = new StringBuilder();
        if (!thread.inThread()) {
            if (askerSlackId != null && !askerSlackId.isBlank()) {
                text.append("<@").append(askerSlackId).append("> ");
            }
            if (question != null && !question.isBlank()) {
                text.append("you asked: ").append(quote(question)).append('\n');
            }
        }
        return text.append("*Answer from ").append(escape(mro)).append(" (MRO):* ").append(escape(answer)).toString();
    }

    /**
     * A slash-command question as the app posts it in its channel (Slack showed the command to its asker alone): the
     * asker mentioned, the question quoted as asked. The answer becomes a reply in this message's thread.
     */
    public static String question(String askerSlackId, String question) {
        String asker = askerSlackId == null || askerSlackId.isBlank() ? "Someone" : "<@" + askerSlackId + ">";
        String quoted = question == null ? "" : escape(question.strip()).replace("\n", "\n>");
        return asker + " asked the MRO:\n>" + quoted;
    }

    private static String quote(String question) {
        return "_" + escape(question.strip()).replace("\n", " ") + "_";
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
