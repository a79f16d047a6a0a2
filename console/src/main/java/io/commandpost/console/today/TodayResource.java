package io.commandpost.console.today;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Today, per team: the MRO and night duty with the reason, and the queue (alerts first) with what the MRO does
 * from the list: acknowledge, resolve, answer, declare.
 */
@Path("/today")
@RolesAllowed({"viewer", "responder", "admin"})
@Produces(MediaType.TEXT_HTML)
public class TodayResource {

    private final Services services;
    private final ServiceCredentials credentials;
    private final CurrentUser user;
    private final ConsoleConfig config;
    private final Template today;
    private final Template queue;

    TodayResource(Services services, ServiceCredentials credentials, CurrentUser user, ConsoleConfig config,
                  @Location("today.html") Template today, @Location("queue.html") Template queue) {
        this.services = services;
        this.credentials = credentials;
        this.user = user;
        this.config = config;
        this.today = today;
        this.queue = queue;
    }

    @GET
    public TemplateInstance page(@QueryParam("team") String team, @QueryParam("done") String done,
                                 @QueryParam("refused") String refused) {
        String shown = team == null || team.isBlank() ? config.teams().get(0) : team;
        String auth = credentials.authorization(user);
        Answer onCall = services.get(auth, "/v1/teams/" + enc(shown) + "/on-call");
        return Page.with(today.instance(), user, config, "Today · " + shown)
                .data("team", shown)
                .data("onCall", onCall.ok() ? onCall.body() : null)
                .data("onCallProblem", onCall.ok() ? null : onCall.problem())
                .data("done", done).data("refused", refused)
                .data("queue", queueData(auth, shown));
    }

    /** The queue alone: what the live view swaps in when the queue changed. */
    @GET
    @Path("/{team}/queue")
    public TemplateInstance queue(@PathParam("team") String team) {
        return queue.data("queue", queueData(credentials.authorization(user), team)).data("team", team);
    }

    @POST
    @Path("/{team}/alerts/{key}/{act: acknowledge|resolve}")
    @RolesAllowed({"responder", "admin"})
    public Response actOnAlert(@PathParam("team") String team, @PathParam("key") String key, @PathParam("act") String act) {
        Answer answer = services.post(credentials.authorization(user),
                "/v1/teams/" + enc(team) + "/alerts/" + enc(key) + "/" + act, Map.of());
        return back(team, answer, act.equals("acknowledge") ? "Acknowledged" : "Resolved");
    }

    @POST
    @Path("/{team}/questions/{id}/answer")
    @RolesAllowed({"responder", "admin"})
    public Response answer(@PathParam("team") String team, @PathParam("id") String id, @FormParam("answer") String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answer", text);
        return back(team, services.post(credentials.authorization(user),
                "/v1/teams/" + enc(team) + "/questions/" + enc(id) + "/answer", body), "Answered");
    }

    @POST
    @Path("/{team}/declare")
    @RolesAllowed({"responder", "admin"})
    public Response declare(@PathParam("team") String team, @FormParam("alertKey") String alertKey,
                            @FormParam("questionId") String questionId, @FormParam("title") String title,
                            @FormParam("severity") String severity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team", team);
        if (title != null && !title.isBlank()) {
            body.put("title", title);
        }
        if (severity != null && !severity.isBlank()) {
            body.put("severity", severity);
        }
        if (alertKey != null && !alertKey.isBlank()) {
            body.put("alertKeys", List.of(alertKey));
        }
        if (questionId != null && !questionId.isBlank()) {
            body.put("questionId", questionId);
        }
        Answer declared = services.post(credentials.authorization(user), "/v1/incidents", body);
        if (!declared.ok()) {
            return back(team, declared, null);
        }
        return Response.seeOther(URI.create("/incidents/" + declared.body().path("incidentId").asText())).build();
    }

    private Map<String, Object> queueData(String auth, String team) {
        Answer answer = services.get(auth, "/v1/teams/" + enc(team) + "/queue");
        Map<String, Object> data = new LinkedHashMap<>();
        List<JsonNode> alerts = new ArrayList<>();
        List<JsonNode> incidents = new ArrayList<>();
        List<JsonNode> questions = new ArrayList<>();
        if (answer.ok()) {
            for (JsonNode item : answer.body().path("items")) {
                switch (item.path("kind").asText().toLowerCase(Locale.ROOT)) {
                    case "alert" -> alerts.add(item);
                    case "incident" -> incidents.add(item);
                    default -> questions.add(item);
                }
            }
        }
        data.put("ok", answer.ok());
        data.put("problem", answer.ok() ? null : answer.problem());
        data.put("alerts", alerts);
        data.put("incidents", incidents);
        data.put("questions", questions);
        data.put("empty", alerts.isEmpty() && incidents.isEmpty() && questions.isEmpty());
        return data;
    }

    private static Response back(String team, Answer answer, String done) {
        String query = answer.ok() ? "done=" + enc(done) : "refused=" + enc(answer.problem());
        return Response.seeOther(URI.create("/today?team=" + enc(team) + "&" + query)).build();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
