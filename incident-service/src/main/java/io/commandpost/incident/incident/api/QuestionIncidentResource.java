package io.commandpost.incident.incident.api;

import io.commandpost.events.Severity;
import io.commandpost.incident.incident.Incident;
import io.commandpost.incident.incident.IncidentCommand;
import io.commandpost.incident.incident.service.IncidentService;
import io.commandpost.platform.command.Handled;
import io.commandpost.platform.http.IfMatch;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.RequestMetadata;
import io.commandpost.platform.security.Caller;
import io.commandpost.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The MRO turns a question of the queue into an incident. */
@Path("/v1/teams/{team}/questions/{id}/incident")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "queue")
@Blocking
public class QuestionIncidentResource {

    public record TurnIntoIncident(String title, Severity severity) {
    }

    private final IncidentService incidents;
    private final RequestMetadata request;
    private final Caller caller;

    QuestionIncidentResource(IncidentService incidents, RequestMetadata request, Caller caller) {
        this.incidents = incidents;
        this.request = request;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    @Operation(summary = "Turn a question into an incident",
            description = "Declares an incident from the open question (title defaults to the question's text); "
                    + "question.turned-into-incident takes the question out of the queue, the incident enters it. "
                    + "201 with the incident.")
    public Response turnIntoIncident(@PathParam("team") String team, @PathParam("id") UUID id, TurnIntoIncident body) {
        if (body == null) {
            throw InvalidInputException.field("", "a JSON body is required");
        }
        UUID incidentId = UUID.randomUUID();
        Handled<Incident> declared = incidents.declare(new IncidentCommand.Declare(incidentId, team, body.title(),
                body.severity(), List.of(), id, null, caller.handle()), request.metadata());
        return Response.created(URI.create("/v1/incidents/" + incidentId)).tag(IfMatch.etag(declared.version()))
                .entity(IncidentView.of(declared.state(), incidents.nextUpdateDue(declared.state()))).build();
    }
}
