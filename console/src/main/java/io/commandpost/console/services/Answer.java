package io.commandpost.console.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A service's answer: status, JSON body (or missing), and the text as it came. */
public record Answer(int status, JsonNode body, String text) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** What a refusal says, in the problem's own words ({@code detail}, else {@code title}). */
    public String problem() {
        if (body.hasNonNull("detail")) {
            return body.get("detail").asText();
        }
        if (body.hasNonNull("title")) {
            return body.get("title").asText();
        }
        return status + " " + (text == null || text.isBlank() ? "from the service" : text);
    }

    static Answer unavailable(String why) {
        return new Answer(503, MissingNode.getInstance(), why);
    }
}
