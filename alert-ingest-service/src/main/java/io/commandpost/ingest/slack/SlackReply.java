package io.commandpost.ingest.slack;

/** The answer to a slash command: ephemeral (only the person sees it) unless {@code inChannel}. */
public record SlackReply(String text, boolean inChannel) {

    public static SlackReply ephemeral(String text) {
        return new SlackReply(text, false);
    }

    public static SlackReply inChannel(String text) {
        return new SlackReply(text, true);
    }
}
