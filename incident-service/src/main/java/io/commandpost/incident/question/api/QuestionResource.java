package io.commandpost.incident.question.api;

import io.commandpost.incident.question.Question;
import io.commandpost.incident.question.QuestionAggregate;
import io.commandpost.incident.question.QuestionCommand;
import io.commandpost.platform.command.CommandHandler;
import io.commandpost.platform.command.Handled;
import io.commandpost.platform.http.IfMatch;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.RequestMetadata;
import io.commandpost.platform.security.Caller;
import io.commandpost.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The MRO works a question of the queue: claim, answer, close, snooze (turning one into an incident:
 * QuestionIncidentResource). Responders only; who acts is the caller, a {@code by} in the body is ignored.
 */
@Path("/v1/teams/{team}/questions/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "queue")
@Blocking
@RolesAllowed(Roles.RESPONDER)
public class QuestionResource {

    public record Answer(String answer) {
    }

    public record Close(String reason) {
    }

    public record Snooze(Instant until, String reason) {
    }

    /** A question after an action: {@code status} OPEN or what ended it. */
    public record QuestionView(UUID questionId, String team, String status, String claimedBy, Instant snoozedUntil) {
    }

    private final CommandHandler handler;
    private final QuestionAggregate.Factory questions;
    private final RequestMetadata request;
    private final Caller caller;

    QuestionResource(CommandHandler handler, QuestionAggregate.Factory questions, RequestMetadata request,
                     Caller caller) {
        this.handler = handler;
        this.questions = questions;
        this.request = request;
        this.caller = caller;
    }

    @POST
    @Path("/claim")
    @Operation(summary = "Claim a question: the queue shows the claimer as its owner and last actor")
    @Consumes(MediaType.WILDCARD) // no body: any Content-Type, or none
    public Response claim(@PathParam("team") String team, @PathParam("id") UUID id,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return run(team, id, ifMatch, new QuestionCommand.Claim(caller.handle()));
    }

    @POST
    @Path("/answer")
    @Operation(summary = "Answer a question; it leaves the queue",
            description = "question.answered carries the question's channel and thread reference: notification-"
                    + "service delivers the answer back where the question came from (Slack thread, email, API).")
    public Response answer(@PathParam("team") String team, @PathParam("id") UUID id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Answer body) {
        require(body);
        return run(team, id, ifMatch, new QuestionCommand.Answer(body.answer(), caller.handle()));
    }

    @POST
    @Path("/close")
    @Operation(summary = "Close a question without an answer, with a reason; it leaves the queue")
    public Response close(@PathParam("team") String team, @PathParam("id") UUID id,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Close body) {
        require(body);
        return run(team, id, ifMatch, new QuestionCommand.Close(body.reason(), caller.handle()));
    }

    @POST
    @Path("/snooze")
    @Operation(summary = "Snooze a question until a time, with a reason; it stays in the queue with snoozedUntil")
    public Response snooze(@PathParam("team") String team, @PathParam("id") UUID id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Snooze body) {
        require(body);
        return run(team, id, ifMatch, new QuestionCommand.Snooze(body.until(), body.reason(), caller.handle()));
    }

    private Response run(String team, UUID id, String ifMatch, QuestionCommand command) {
        Handled<Question> handled = handler.handle(questions.of(team), id.toString(), command,
                new IfMatch(ifMatch).expected(), request.metadata());
        Question question = handled.state();
        return Response.ok(new QuestionView(id, team, question.open() ? "OPEN" : question.outcome(),
                question.claimedBy(), question.snoozedUntil())).tag(IfMatch.etag(handled.version())).build();
    }

    private static void require(Object body) {
        if (body == null) {
            throw InvalidInputException.field("", "a JSON body is required");
        }
    }
}
