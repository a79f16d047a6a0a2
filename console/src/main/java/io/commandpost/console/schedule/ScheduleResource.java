package io.commandpost.console.schedule;

import static io.commandpost.console.web.Pages.enc;
import static io.commandpost.console.web.Pages.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.console.services.Answer;
import io.commandpost.console.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
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
import java.util.LinkedHashMap;
import java.util.Map;

/** The next weeks with each day's reason, the fairness ledger, calendar links, overrides and leave. */
@Path("/schedule")
@RolesAllowed({"viewer", "responder", "admin"})
@Produces(MediaType.TEXT_HTML)
public class ScheduleResource {

    private final Pages pages;
    private final Template page;

    ScheduleResource(Pages pages, @Location("schedule.html") Template page) {
        this.pages = pages;
        this.page = page;
    }

    @GET
    public Response firstTeam() {
        return pages.firstTeam("/schedule");
    }

    @GET
    @Path("/{team}")
    public Response page(@PathParam("team") String team, @QueryParam("done") String done) {
        return render(team, 200, done, null, null);
    }

    @POST
    @Path("/{team}/calendar")
    @RolesAllowed("admin")
    public Response calendarLinks(@PathParam("team") String team) {
        Answer issued = pages.post("/v1/teams/" + enc(team) + "/calendar-token", Map.of());
        return issued.ok() ? render(team, 200, "New calendar links issued (shown once; older links stop working)", null,
                issued.body()) : render(team, status(issued), null, issued.problem(), null);
    }

    @POST
    @Path("/{team}/leave")
    @RolesAllowed("admin")
    public Response leave(@PathParam("team") String team, @FormParam("member") String member, @FormParam("from") String from,
                          @FormParam("to") String to, @FormParam("reason") String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("member", member);
        body.put("from", from);
        body.put("to", to);
        body.put("reason", reason);
        return act(team, "/leave", body, "Leave recorded for " + member);
    }

    @POST
    @Path("/{team}/overrides")
    @RolesAllowed("admin")
    public Response override(@PathParam("team") String team, @FormParam("kind") String kind,
                             @FormParam("addMember") String add, @FormParam("removeMember") String remove,
                             @FormParam("start") String start, @FormParam("end") String end) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        if (add != null && !add.isBlank()) {
            body.put("addMember", add);
        }
        if (remove != null && !remove.isBlank()) {
            body.put("removeMember", remove);
        }
        body.put("start", start);
        body.put("end", end);
        return act(team, "/overrides", body, "Override recorded");
    }

    private Response act(String team, String subPath, Map<String, Object> body, String done) {
        Answer answer = pages.post("/v1/teams/" + enc(team) + subPath, body);
        if (!answer.ok()) {
            return render(team, status(answer), null, answer.problem(), null);
        }
        return Response.seeOther(URI.create("/schedule/" + enc(team) + "?done=" + enc(done))).build();
    }

    private Response render(String team, int status, String done, String refused, JsonNode calendar) {
        Answer schedule = pages.get("/v1/teams/" + enc(team) + "/schedule?days=21");
        Answer ledger = pages.get("/v1/teams/" + enc(team) + "/ledger");
        Answer teamConfig = pages.get("/v1/teams/" + enc(team));
        return Response.status(status).type(MediaType.TEXT_HTML).entity(pages.page(page, "Schedule · " + team)
                .data("team", team)
                .data("schedule", schedule.ok() ? schedule.body() : null)
                .data("scheduleProblem", schedule.ok() ? null : schedule.problem())
                .data("ledger", ledger.ok() ? ledger.body().path("members").properties() : null)
                .data("teamConfig", teamConfig.ok() ? teamConfig.body() : null)
                .data("calendar", calendar)
                .data("memberFeeds", memberFeeds(calendar))
                .data("isAdmin", pages.may("admin"))
                .data("done", done).data("refused", refused)).build();
    }

    private static Map<String, String> memberFeeds(JsonNode calendar) {
        Map<String, String> feeds = new LinkedHashMap<>();
        if (calendar != null) {
            calendar.path("memberFeeds").properties().forEach(feed -> feeds.put(feed.getKey(), feed.getValue().asText()));
        }
        return feeds;
    }
}
