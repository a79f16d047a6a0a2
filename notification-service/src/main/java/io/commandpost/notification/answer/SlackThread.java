package io.commandpost.notification.answer;

import java.util.Optional;

/**
 * Where in Slack a question was asked, read from its {@code threadRef} as alert-ingest writes it: {@code <channel>}
 * for a slash command (no thread: the question was ephemeral) or {@code <channel>/<thread ts>} for a message. Pure.
 *
 * @param threadTs the {@code thread_ts} to reply under, null to post in the channel
 */
public record SlackThread(String channel, String threadTs) {

    public static Optional<SlackThread> parse(String threadRef) {
        if (threadRef == null || threadRef.isBlank()) {
            return Optional.empty();
        }
        int slash = threadRef.indexOf('/');
        if (slash < 0) {
            return Optional.of(new SlackThread(threadRef.strip(), null));
        }
        String channel = threadRef.substring(0, slash).strip();
        String ts = threadRef.substring(slash + 1).strip();
        return channel.isEmpty() ? Optional.empty() : Optional.of(new SlackThread(channel, ts.isEmpty() ? null : ts));
    }

    public boolean inThread() {
        return threadTs != null;
    }
}
