package io.commandpost.console.handover;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.console.services.Answer;
import io.commandpost.console.services.ServiceCredentials;
import io.commandpost.console.services.Services;
import io.commandpost.console.signin.CurrentUser;
import io.commandpost.console.config.ConsoleConfig;
import io.commandpost.console.web.Page;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The end of the MRO day: write the handover notes, see what is carried, accept it as the receiver. */
@Path("/handover")
@RolesAllowed({"viewer", "responder", "admin"})
@Produces(MediaType.TEXT_HTML)
public class HandoverResource {

    /** The newest handovers the page shows. */
    static final int SHOWN = 10;

    private final Services services;
    private final ServiceCredentials credentials;
    private final CurrentUser user;
    private final ConsoleConfig config;
    private final Template page;

    HandoverResource(Services services, ServiceCredentials credentials, CurrentUser user, ConsoleConfig config,
                     @Location("handover.html") Template page) {
        this.services = services;
        this.credentials = credentials;
        this.user = user;
        this.config = config;
        this.page = page;
    }

    @GET
    public Response firstTeam() {
        return Response.seeOther(URI.create("/handover/" + enc(config.teams().get(0)))).build();
    }

    @GET
    @Path("/{team}")
    public Response page(@PathParam("team") String team, @QueryParam("done") String done) {
        return render(team, Response.Status.OK, done, null);
    }

    @POST
    @Path("/{team}")
    @RolesAllowed({"responder", "admin"})
    public Response write(@PathParam("team") String team, @FormParam("notes") String notes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notes", notes);
        // who hands over is the signed-in person, taken by rotation from the credential
        Answer written = services.post(credentials.authorization(user), "/v1/teams/" + enc(team) + "/handovers", body);
        if (!written.ok()) {
            return render(team, status(written), null, written.problem());
        }
        return Response.seeOther(URI.create("/handover/" + enc(team) + "?done=" + enc("Handover written to "
                + written.body().path("to").asText()))).build();
    }

    @POST
    @Path("/{team}/{handoverId}/accept")
    @RolesAllowed({"responder", "admin"})
    public Response accept(@PathParam("team") String team, @PathParam("handoverId") String handoverId) {
        Answer accepted = services.post(credentials.authorization(user),
                "/v1/teams/" + enc(team) + "/handovers/" + enc(handoverId) + "/accept", Map.of());
        if (!accepted.ok()) {
            return render(team, status(accepted), null, accepted.problem());
        }
        return Response.seeOther(URI.create("/handover/" + enc(team) + "?done=" + enc("Handover accepted"))).build();
    }

    private Response render(String team, Response.Status status, String done, String refused) {
        String auth = credentials.authorization(user);
        Answer onCall = services.get(auth, "/v1/teams/" + enc(team) + "/on-call");
        Answer since = services.get(auth, "/v1/teams/" + enc(team) + "/queue/since-handover");
        // the team's handovers from rotation-service, whoever wrote them and wherever
        Answer listed = services.get(auth, "/v1/teams/" + enc(team) + "/handovers?limit=" + SHOWN);
        List<JsonNode> handovers = new ArrayList<>();
        listed.body().path("items").forEach(handovers::add);
        return Response.status(status).type(MediaType.TEXT_HTML).entity(Page.with(page.instance(), user, config,
                        "Handover · " + team)
                .data("team", team)
                .data("onCall", onCall.ok() ? onCall.body() : null)
                .data("since", since.ok() ? since.body() : null)
                .data("handovers", handovers)
                .data("handoversProblem", listed.ok() ? null : listed.problem())
                .data("done", done).data("refused", refused)).build();
    }

    private static Response.Status status(Answer answer) {
        return answer.status() >= 500 ? Response.Status.BAD_GATEWAY : Response.Status.fromStatusCode(answer.status());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
