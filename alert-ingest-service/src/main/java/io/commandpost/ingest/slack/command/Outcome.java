package io.commandpost.ingest.slack.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.EventJson;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/** How a call to another CommandPost service went: its answer, its refusal (4xx with the reason), or no answer. */
public sealed interface Outcome {

    record Answered(JsonNode body) implements Outcome {
    }

    /** A 4xx: {@code detail} is the problem's detail (why), e.g. incident-service's 409 reason. */
    record Refused(int status, String detail) implements Outcome {
    }

    /** 5xx (503 included), a timeout or no connection: worth trying again later. */
    record Unavailable(String why) implements Outcome {
    }

    static Outcome of(Supplier<JsonNode> call) {
        try {
            return new Answered(call.get());
        } catch (WebApplicationException e) {
            Response response = e.getResponse();
            if (response.getStatus() >= 500) {
                return new Unavailable("HTTP " + response.getStatus());
            }
            return new Refused(response.getStatus(), detail(response));
        } catch (ProcessingException e) {
            return new Unavailable(e.getMessage());
        }
    }

    private static String detail(Response response) {
        try {
            JsonNode problem = EventJson.mapper().readTree(response.readEntity(String.class));
            String detail = problem.path("detail").asText("");
            return detail.isBlank() ? problem.path("title").asText("HTTP " + response.getStatus()) : detail;
        } catch (RuntimeException | java.io.IOException e) {
            return "HTTP " + response.getStatus();
        }
    }
}
