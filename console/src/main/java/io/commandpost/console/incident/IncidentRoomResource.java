package io.commandpost.console.incident;

import io.commandpost.console.services.Answer;
import io.commandpost.console.services.ServiceCredentials;
import io.commandpost.console.services.Services;
import io.commandpost.console.signin.CurrentUser;
import io.commandpost.console.config.ConsoleConfig;
import io.commandpost.console.web.Page;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The incident room: roles and their history, tasks with due times (and why the commander gets none), status
 * updates with the next one due, the timeline, the postmortem; updated live.
 */
@Path("/incidents/{id}")
@RolesAllowed({"viewer", "responder", "admin"})
@Produces(MediaType.TEXT_HTML)
public class IncidentRoomResource {

    /** What the room says when the service refuses a task for the Incident Commander. */
    static final String IC_RULE = "The Incident Commander coordinates and never remediates, so they are never given a "
            + "task. Give the task to someone else, or hand off command first.";

    private final Services services;
    private final ServiceCredentials credentials;
    private final CurrentUser user;
    private final ConsoleConfig config;
    private final Template room;
    private final Template details;

    IncidentRoomResource(Services services, ServiceCredentials credentials, CurrentUser user, ConsoleConfig config,
                         @Location("incident.html") Template room, @Location("incident-details.html") Template details) {
        this.services = services;
        this.credentials = credentials;
        this.user = user;
        this.config = config;
        this.room = room;
        this.details = details;
    }

    @GET
    public Response page(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return render(id, Response.Status.OK, done, null, null);
    }

    /** The room's content alone, for the live view. */
    @GET
    @Path("/details")
    public Response details(@PathParam("id") UUID id) {
        String auth = credentials.authorization(user);
        Answer incident = services.get(auth, path(id));
        if (!incident.ok()) {
            return Response.status(incident.status() == 404 ? 404 : 502).entity(incident.problem())
                    .type(MediaType.TEXT_PLAIN).build();
        }
        return Response.ok(withIncident(details.instance(), incident, services.get(auth, path(id) + "/timeline"))).build();
    }

    @GET
    @Path("/postmortem.md")
    @Produces("text/markdown")
    public Response postmortem(@PathParam("id") UUID id) {
        Answer markdown = services.get(credentials.authorization(user), path(id) + "/postmortem");
        if (!markdown.ok()) {
            return Response.status(markdown.status()).type(MediaType.TEXT_PLAIN).entity(markdown.problem()).build();
        }
        return Response.ok(markdown.text(), "text/markdown; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"postmortem-" + id + ".md\"").build();
    }

    @POST
    @Path("/tasks")
    @RolesAllowed({"responder", "admin"})
    public Response delegate(@PathParam("id") UUID id, @FormParam("title") String title,
                             @FormParam("assignee") String assignee, @FormParam("due") String due) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("assignee", assignee);
        if (due != null && !due.isBlank()) {
            try {
                body.put("dueAt", LocalDateTime.parse(due).toInstant(ZoneOffset.UTC).toString());
            } catch (DateTimeParseException e) {
                return render(id, Response.Status.BAD_REQUEST, null, "task", "The due time is not a date and time: " + due);
            }
        }
        return act(id, "/tasks", body, "task", "Task delegated to " + assignee);
    }

    @POST
    @Path("/tasks/{taskId}/{act: start|complete}")
    @RolesAllowed({"responder", "admin"})
    public Response taskStep(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId, @PathParam("act") String act) {
        return act(id, "/tasks/" + taskId + "/" + act, new LinkedHashMap<>(), "task",
                act.equals("start") ? "Task started" : "Task completed");
    }

    @POST
    @Path("/commander")
    @RolesAllowed({"responder", "admin"})
    public Response handOff(@PathParam("id") UUID id, @FormParam("to") String to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        return act(id, "/commander", body, "command", "Command handed to " + to);
    }

    @POST
    @Path("/roles")
    @RolesAllowed({"responder", "admin"})
    public Response assignRole(@PathParam("id") UUID id, @FormParam("role") String role, @FormParam("person") String person) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        body.put("person", person);
        return act(id, "/roles", body, "roles", person + " is " + role);
    }

    @POST
    @Path("/status-updates")
    @RolesAllowed({"responder", "admin"})
    public Response statusUpdate(@PathParam("id") UUID id, @FormParam("audience") String audience,
                                 @FormParam("text") String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("audience", audience);
        body.put("text", text);
        return act(id, "/status-updates", body, "update", "Status update posted");
    }

    @POST
    @Path("/{milestone: acknowledge|mitigate|resolve}")
    @RolesAllowed({"responder", "admin"})
    public Response milestone(@PathParam("id") UUID id, @PathParam("milestone") String milestone) {
        return act(id, "/" + milestone, new LinkedHashMap<>(), "milestone", switch (milestone) {
            case "acknowledge" -> "Acknowledged";
            case "mitigate" -> "Marked mitigated";
            default -> "Resolved";
        });
    }

    private Response act(UUID id, String subPath, Map<String, Object> body, String section, String done) {
        Answer answer = services.post(credentials.authorization(user), path(id) + subPath, body);
        if (answer.ok()) {
            return Response.seeOther(URI.create("/incidents/" + id + "?done="
                    + URLEncoder.encode(done, StandardCharsets.UTF_8))).build();
        }
        String why = answer.problem();
        if (section.equals("task") && answer.status() == 409 && why.toLowerCase().contains("command")) {
            why = why + " — " + IC_RULE;
        }
        return render(id, Response.Status.fromStatusCode(answer.status() >= 500 ? 502 : answer.status()), null, section, why);
    }

    private Response render(UUID id, Response.Status status, String done, String refusedIn, String refused) {
        String auth = credentials.authorization(user);
        Answer incident = services.get(auth, path(id));
        if (!incident.ok()) {
            return Response.status(incident.status() == 404 ? 404 : 502).type(MediaType.TEXT_HTML)
                    .entity(Page.with(room.instance(), user, config, "Incident").data("incident", null)
                            .data("problem", incident.problem()).data("done", null).data("refused", null)
                            .data("refusedIn", null).data("timeline", java.util.List.of()).data("id", id))
                    .build();
        }
        TemplateInstance page = withIncident(Page.with(room.instance(), user, config,
                        "Incident · " + incident.body().path("title").asText()), incident,
                services.get(auth, path(id) + "/timeline"))
                .data("problem", null).data("done", done).data("refused", refused).data("refusedIn", refusedIn)
                .data("icRule", IC_RULE);
        return Response.status(status).type(MediaType.TEXT_HTML).entity(page).build();
    }

    private static TemplateInstance withIncident(TemplateInstance page, Answer incident, Answer timeline) {
        return page.data("incident", incident.body()).data("id", incident.body().path("incidentId").asText())
                .data("timeline", timeline.ok() ? timeline.body() : null);
    }

    private static String path(UUID id) {
        return "/v1/incidents/" + id;
    }
}
