package io.commandpost.ingest.slack;

import io.commandpost.ingest.intake.RejectedBodyException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A slash command ({@code /mro <question>}) as Slack posts it: form fields, read from the verified raw bytes. */
public record SlashCommand(String command, String text, String userId, String channelId, String teamId,
                           String responseUrl, String triggerId, boolean sslCheck) {

    public static SlashCommand parse(byte[] body) {
        Map<String, String> fields = form(body);
        return new SlashCommand(fields.get("command"), fields.getOrDefault("text", ""), fields.get("user_id"),
                fields.get("channel_id"), fields.get("team_id"), fields.get("response_url"), fields.get("trigger_id"),
                "1".equals(fields.get("ssl_check")));
    }

    static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String raw = new String(body, StandardCharsets.US_ASCII);
        if (raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw RejectedBodyException.field("", "malformed form encoding near '" + pair + "'");
            }
        }
        return fields;
    }
}
