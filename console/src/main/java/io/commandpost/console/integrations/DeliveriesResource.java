package io.commandpost.console.integrations;

import static io.commandpost.console.web.Pages.enc;
import static io.commandpost.console.web.Pages.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.console.services.Answer;
import io.commandpost.console.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

    private final Pages pages;
    private final Template page;

    DeliveriesResource(Pages pages, @Location("deliveries.html") Template page) {
        this.pages = pages;
        this.page = page;
    }

    @GET
    public Response deliveries(@PathParam("team") String team, @PathParam("id") String id) {
        Answer integration = pages.get("/v1/integrations/" + enc(id));
        Answer listed = pages.get("/v1/integrations/" + enc(id) + "/deliveries?limit=" + SHOWN);
        List<JsonNode> items = new ArrayList<>();
        listed.body().path("items").forEach(items::add);
        int status = listed.ok() ? 200 : status(listed);
        return Response.status(status).type(MediaType.TEXT_HTML).entity(pages.page(page, "Deliveries · " + team)
                .data("team", team)
                .data("integration", integration.ok() ? integration.body() : null)
                .data("integrationId", id)
                .data("deliveries", items)
                .data("listProblem", listed.ok() ? null : listed.problem())).build();
    }
}
