package io.commandpost.incident.incident.api;

import io.commandpost.incident.directory.Expert;
import io.commandpost.incident.directory.Experts;
import io.commandpost.incident.incident.Incident;
import io.commandpost.incident.incident.IncidentCommand;
import io.commandpost.incident.incident.Postmortem;
import io.commandpost.incident.incident.Timeline;
import io.commandpost.incident.incident.config.IncidentSettings;
import io.commandpost.events.Severity;
import io.commandpost.incident.incident.service.IncidentService;
import io.commandpost.incident.incident.store.IncidentRepository;
import io.commandpost.platform.command.Handled;
import io.commandpost.platform.http.IfMatch;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.RequestMetadata;
import io.commandpost.platform.security.Caller;
import io.commandpost.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Incidents: declare, hand off command, roles, tasks, status updates, milestones, timeline, postmortem.
 * Every answer that shows the incident carries its version as ETag; every change honours If-Match (412).
 * A broken rule is 409 problem+json saying why. Reading is for viewers, every change for responders; the person who
 * acts is the caller (their token, or the person a service key acts for), never a field of the body.
 */
@Path("/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "incidents")
@Blocking
public class IncidentResource {

    private final IncidentService service;
    private final RequestMetadata request;
    private final Experts experts;
    private final IncidentSettings settings;
    private final Caller caller;

    IncidentResource(IncidentService service, RequestMetadata request, Experts experts, IncidentSettings settings,
                     Caller caller) {
        this.service = service;
        this.request = request;
        this.experts = experts;
        this.settings = settings;
        this.caller = caller;
    }

    /** A severity as this installation defines it; durations in ISO-8601 ({@code PT30M}). */
    public record SeverityDefinition(Severity severity, String definition, boolean isDefault, String updateEvery,
                                     String taskDueAfter) {
    }

    @GET
    @Path("/severities")
    @Operation(summary = "What SEV1-SEV4 mean here, the default, each one's status update cadence and task due time",
            description = "From the installation's configuration (commandpost.incident.*).")
    public List<SeverityDefinition> severities() {
        var policy = settings.policy();
        return java.util.Arrays.stream(Severity.values()).map(severity -> {
            var rule = policy.rule(severity);
            return new SeverityDefinition(severity, rule.definition(), severity == policy.defaultSeverity(),
                    rule.updateEvery().toString(), rule.taskDueAfter().toString());
        }).toList();
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    @Operation(summary = "Declare an incident",
            description = "By hand, from alerts of the team's queue (alertKeys, linked for good) or from an open "
                    + "question (questionId, which then leaves the queue). The declarer is Incident Commander until "
                    + "an explicit hand-off. severity defaults to the installation's default; title defaults to the "
                    + "first alert's summary or the question. 201 with the incident.")
    public Response declare(IncidentRequests.Declare body) {
        require(body);
        UUID id = UUID.randomUUID();
        Handled<Incident> declared = service.declare(new IncidentCommand.Declare(id, body.team(), body.title(),
                body.severity(), body.alertKeys(), body.questionId(), null, caller.handle()), request.metadata());
        return Response.created(URI.create("/v1/incidents/" + id)).tag(IfMatch.etag(declared.version()))
                .entity(view(declared.state())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One incident: roles with their history, tasks, updates, milestones")
    public Response get(@PathParam("id") UUID id) {
        Incident incident = service.load(id).state();
        return Response.ok(view(incident)).tag(IfMatch.etag(incident.version())).build();
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    @Path("/{id}/commander")
    @Operation(summary = "Hand off command to someone",
            description = "Explicit and recorded. 409 when the new commander holds open tasks: reassign them first.")
    public Response handOff(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            IncidentRequests.HandOff body) {
        require(body);
        return run(id, ifMatch, new IncidentCommand.HandOffCommand(body.to(), caller.handle()));
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    @Path("/{id}/roles")
    @Operation(summary = "Give someone a role: COMMUNICATIONS_LEAD, SCRIBE (one holder each) or EXPERT")
    public Response assignRole(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               IncidentRequests.RoleChange body) {
        require(body);
        return run(id, ifMatch, new IncidentCommand.AssignRole(body.role(), body.person(),
                experts.teamsOf(body.person()), caller.handle()));
    }

    @GET
    @Path("/{id}/experts")
    @Operation(summary = "Who could help: members of the team directory with a skill (?skill=postgres)",
            description = "Every team's members with the skill, the incident's team first, then those on duty "
                    + "(onDuty lists their duties now), never the Incident Commander. 400 without skill.")
    public List<Expert> experts(@PathParam("id") UUID id, @QueryParam("skill") String skill) {
        Incident incident = service.load(id).state();
        return experts.suggest(skill, incident.team(), true, Set.of(incident.commander()));
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    @Path("/{id}/roles/release")
    @Operation(summary = "Someone leaves a role")
    public Response releaseRole(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                IncidentRequests.RoleChange body) {
        require(body);
        return run(id, ifMatch, new IncidentCommand.ReleaseRole(body.role(), body.person(), caller.handle()));
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    @Path("/{id}/tasks")
    @Operation(summary = "The Incident Commander delegates a task",
            description = "dueAt defaults to +1 h for SEV1/SEV2 and +1 day otherwise (configurable). 409 when the "
                    + "assignee is the Incident Commander (hand off command first) or the caller is not the commander.")
    public Response delegate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             IncidentRequests.Delegate body) {
        require(body);
        UUID taskId = UUID.randomUUID();
        Handled<Incident> delegated = service.handle(id, new IncidentCommand.DelegateTask(taskId, body.title(),
                body.assignee(), body.dueAt(), caller.handle()), new IfMatch(ifMatch).expected(), request.metadata());
        return Response.created(URI.create("/v1/incidents/" + id + "/tasks/" + taskId))
                .tag(IfMatch.etag(delegated.version())).entity(view(delegated.state())).build();
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    @Path("/{id}/tasks/{taskId}/reassign")
    @Operation(summary = "Give a task to someone else (never the Incident Commander)")
    public Response reassign(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, IncidentRequests.Reassign body) {
        require(body);
        return run(id, ifMatch, new IncidentCommand.ReassignTask(taskId, body.assignee(), caller.handle()));
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    @Path("/{id}/tasks/{taskId}/start")
    @Operation(summary = "A task is in progress")
    @Consumes(MediaType.WILDCARD) // no body: any Content-Type, or none
    public Response start(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return run(id, ifMatch, new IncidentCommand.StartTask(taskId, caller.handle()));
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    @Path("/{id}/tasks/{taskId}/complete")
    @Operation(summary = "A task is done (who and when are kept)")
    @Consumes(MediaType.WILDCARD) // no body: any Content-Type, or none
    public Response complete(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId,
                             @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return run(id, ifMatch, new IncidentCommand.CompleteTask(taskId, caller.handle()));
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    @Path("/{id}/tasks/{taskId}/cancel")
    @Operation(summary = "A task is dropped, with a reason")
    public Response cancel(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, IncidentRequests.Cancel body) {
        require(body);
        return run(id, ifMatch, new IncidentCommand.CancelTask(taskId, body.reason(), caller.handle()));
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    @Path("/{id}/status-updates")
    @Operation(summary = "The commander or the communications lead posts an INTERNAL or EXTERNAL update",
            description = "The next one is due one cadence of the severity later; when it is not posted by then, "
                    + "an incident.status-update-due reminder goes out.")
    public Response postUpdate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               IncidentRequests.StatusUpdate body) {
        require(body);
        return run(id, ifMatch, new IncidentCommand.PostStatusUpdate(body.audience(), body.text(), caller.handle()));
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    @Path("/{id}/acknowledge")
    @Operation(summary = "Milestone: acknowledged")
    @Consumes(MediaType.WILDCARD) // no body: any Content-Type, or none
    public Response acknowledge(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return run(id, ifMatch, new IncidentCommand.Acknowledge(caller.handle()));
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    @Path("/{id}/severity")
    @Operation(summary = "Change the severity (recorded with both severities and the reason)")
    public Response severity(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             IncidentRequests.SeverityChange body) {
        require(body);
        return run(id, ifMatch, new IncidentCommand.ChangeSeverity(body.severity(), body.reason(), caller.handle()));
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    @Path("/{id}/mitigate")
    @Operation(summary = "Milestone: mitigated (the impact stopped)")
    public Response mitigate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             IncidentRequests.Note body) {
        require(body);
        return run(id, ifMatch, new IncidentCommand.Mitigate(body.note(), caller.handle()));
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    @Path("/{id}/resolve")
    @Operation(summary = "Milestone: resolved; the incident leaves the queue and changes no more")
    public Response resolve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            IncidentRequests.Resolve body) {
        require(body);
        return run(id, ifMatch, new IncidentCommand.Resolve(body.summary(), caller.handle()));
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "Everything that happened, in order")
    public List<Timeline.Entry> timeline(@PathParam("id") UUID id) {
        return Timeline.of(service.load(id).events());
    }

    @GET
    @Path("/{id}/postmortem")
    @Produces("text/markdown")
    @Operation(summary = "The postmortem draft as Markdown",
            description = "Summary, impact window, time to acknowledge / declare / mitigate / resolve (from the "
                    + "impact's start), roles and their holders, tasks, linked alerts, timeline.")
    public Response postmortem(@PathParam("id") UUID id) {
        IncidentRepository.Loaded loaded = service.load(id);
        return Response.ok(Postmortem.markdown(loaded.state(), loaded.events()), "text/markdown; charset=utf-8")
                .build();
    }

    private Response run(UUID id, String ifMatch, IncidentCommand command) {
        Handled<Incident> handled = service.handle(id, command, new IfMatch(ifMatch).expected(), request.metadata());
        return Response.ok(view(handled.state())).tag(IfMatch.etag(handled.version())).build();
    }

    private IncidentView view(Incident incident) {
        return IncidentView.of(incident, service.nextUpdateDue(incident));
    }

    private static void require(Object body) {
        if (body == null) {
            throw InvalidInputException.field("", "a JSON body is required");
        }
    }
}
