package io.commandpost.console.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.console.config.ConsoleConfig;
import io.commandpost.console.services.Answer;
import io.commandpost.console.services.ServiceCredentials;
import io.commandpost.console.services.Services;
import io.commandpost.console.signin.CurrentUser;
import io.commandpost.console.web.Page;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One integration's recent deliveries and refusals (alert-ingest's {@code GET /v1/integrations/{id}/deliveries}):
 * when, the answer's status, how many events were accepted, why a call was refused, and its request id. Admins only,
 * as the endpoint.
 */
@Path("/integrations/{team}/{id}/deliveries")
@RolesAllowed("admin")
@Produces(MediaType.TEXT_HTML)
public class DeliveriesResource {

    static final int SHOWN = 50;

    private final Services services;
    private final ServiceCredentials credentials;
    private final CurrentUser user;
    private final ConsoleConfig config;
    private final Template page;

    DeliveriesResource(Services services, ServiceCredentials credentials, CurrentUser user, ConsoleConfig config,
                       @Location("deliveries.html") Template page) {
        this.services = services;
        this.credentials = credentials;
        this.user = user;
        this.config = config;
        this.page = page;
    }

    @GET
    public Response deliveries(@PathParam("team") String team, @PathParam("id") String id) {
        String auth = credentials.authorization(user);
        Answer integration = services.get(auth, "/v1/integrations/" + enc(id));
        Answer listed = services.get(auth, "/v1/integrations/" + enc(id) + "/deliveries?limit=" + SHOWN);
        List<JsonNode> items = new ArrayList<>();
        listed.body().path("items").forEach(items::add);
        int status = listed.ok() ? 200 : listed.status() >= 500 ? 502 : listed.status();
        return Response.status(status).type(MediaType.TEXT_HTML).entity(Page.with(page.instance(), user, config,
                        "Deliveries · " + team)
                .data("team", team)
                .data("integration", integration.ok() ? integration.body() : null)
                .data("integrationId", id)
                .data("deliveries", items)
                .data("listProblem", listed.ok() ? null : listed.problem())).build();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
