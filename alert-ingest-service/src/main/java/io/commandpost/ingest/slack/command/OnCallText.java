package io.commandpost.ingest.slack.command;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The answer to {@code /mro who}, from rotation-service's {@code GET /v1/teams/{id}/on-call}. Pure. */
public final class OnCallText {

    private OnCallText() {
    }

    public static String of(String team, JsonNode onCall) {
        List<String> lines = new ArrayList<>();
        lines.add(duty("Today's MRO for " + team, onCall.path("mro")));
        lines.add(duty("Tonight's night duty", onCall.path("night")));
        JsonNode now = onCall.path("onDuty").path("members");
        if (now.isArray() && !now.isEmpty()) {
            List<String> members = new ArrayList<>();
            now.forEach(member -> members.add(member.asText()));
            lines.add("On duty now: " + String.join(", ", members));
        }
        return String.join("\n", lines);
    }

    private static String duty(String title, JsonNode duty) {
        if (duty.isMissingNode() || duty.isNull() || duty.path("member").asText("").isBlank()) {
            return title + ": nobody planned";
        }
        String member = duty.path("member").asText();
        String planned = duty.path("planned").asText("");
        StringBuilder line = new StringBuilder(title).append(": ").append(member);
        if (!planned.isBlank() && !planned.equals(member)) {
            line.append(" (planned: ").append(planned).append(')');
        }
        String reason = duty.path("reason").asText("");
        if (!reason.isBlank()) {
            line.append(" — ").append(reason);
        }
        return line.toString();
    }
}
