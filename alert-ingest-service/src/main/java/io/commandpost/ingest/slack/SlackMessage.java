package io.commandpost.ingest.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code message} event of the Events API worth asking the MRO: written by a person (no bot, no
 * edit, delete or join notice), with text. {@code threadRef} is {@code <channel id>/<thread ts>}, the
 * message's own ts when it starts a thread, so the MRO can answer in that thread.
 */
public record SlackMessage(String eventId, String channel, String user, String text, String threadRef) {

    /** Subtypes that are still a person writing; every other subtype (bot_message, message_changed …) is ignored. */
    private static final Set<String> HUMAN_SUBTYPES = Set.of("thread_broadcast", "file_share");

    /** @return the message, or empty (with no error) for every event that is not one to ask */
    public static Optional<SlackMessage> from(JsonNode callback) {
        JsonNode event = callback.path("event");
        if (!"message".equals(event.path("type").asText())) {
            return Optional.empty();
        }
        String subtype = event.path("subtype").asText(null);
        if (subtype != null && !HUMAN_SUBTYPES.contains(subtype)) {
            return Optional.empty();
        }
        if (event.hasNonNull("bot_id") || event.hasNonNull("bot_profile") || !event.hasNonNull("user")) {
            return Optional.empty();
        }
        String text = event.path("text").asText("");
        String channel = event.path("channel").asText(null);
        String ts = event.path("ts").asText(null);
        if (text.isBlank() || channel == null || ts == null) {
            return Optional.empty();
        }
        String threadTs = event.path("thread_ts").asText(ts);
        return Optional.of(new SlackMessage(callback.path("event_id").asText(channel + "/" + ts), channel,
                event.path("user").asText(), text, channel + "/" + threadTs));
    }
}
