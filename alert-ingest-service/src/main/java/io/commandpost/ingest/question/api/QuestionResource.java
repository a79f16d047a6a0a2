package io.commandpost.ingest.question.api;

import io.commandpost.platform.security.Caller;
import io.commandpost.events.QuestionEvent;
import io.commandpost.ingest.intake.EventPublisher;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.Problem;
import io.commandpost.platform.http.RequestMetadata;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Questions to the MRO from people and other teams' tools; answered 202 once the broker has the question. The asker
 * is the caller (a person, an API key's name, or the person a service key acts for); a body {@code asker} is ignored.
 */
@Path("/v1/questions")
public class QuestionResource {

    public static final String CHANNEL = "api";

    private final EventPublisher publisher;
    private final RequestMetadata request;
    private final Clock clock;
    private final Caller caller;

    QuestionResource(EventPublisher publisher, RequestMetadata request, Clock clock, Caller caller) {
        this.publisher = publisher;
        this.request = request;
        this.clock = clock;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response ask(QuestionRequest question) {
        validate(question);
        UUID questionId = UUID.randomUUID();
        publisher.publish(List.of(new QuestionEvent.QuestionAsked(questionId, question.team().trim(), CHANNEL,
                caller.handle(), question.text(), blankToNull(question.threadRef()), clock.instant())),
                request.metadata());
        return Response.accepted(Map.of("questionId", questionId)).build();
    }

    private static void validate(QuestionRequest question) {
        if (question == null) {
            throw InvalidInputException.field("", "a JSON object with team and text is required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (question.team() == null || question.team().isBlank()) {
            errors.add(new Problem.FieldError("/team", "is required"));
        }
        if (question.text() == null || question.text().isBlank()) {
            errors.add(new Problem.FieldError("/text", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(Problem.badRequest(errors.size() == 1
                    ? errors.get(0).pointer() + ": " + errors.get(0).detail() : "team and text are required")
                    .withErrors(errors));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
