package io.commandpost.console.integrations;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A team's integrations: create one (its URL and token shown once, to copy), rotate a token, see them all. The
 * URL is the console's own address: monitoring tools post through it like people do.
 */
@Path("/integrations")
@RolesAllowed({"viewer", "responder", "admin"})
@Produces(MediaType.TEXT_HTML)
public class IntegrationsResource {

    private final Pages pages;
    private final Template page;

    IntegrationsResource(Pages pages, @Location("integrations.html") Template page) {
        this.pages = pages;
        this.page = page;
    }

    @GET
    public Response firstTeam() {
        return pages.firstTeam("/integrations");
    }

    @GET
    @Path("/{team}")
    public Response page(@PathParam("team") String team, @Context UriInfo uri) {
        return render(team, 200, null, null, uri);
    }

    @POST
    @Path("/{team}")
    @RolesAllowed("admin")
    public Response create(@PathParam("team") String team, @FormParam("type") String type, @FormParam("name") String name,
                           @FormParam("defaultPriority") String priority, @Context UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team", team);
        body.put("type", type);
        body.put("name", name);
        if (priority != null && !priority.isBlank()) {
            body.put("defaultPriority", priority);
        }
        Answer created = pages.post("/v1/integrations", body);
        return created.ok() ? render(team, 201, created.body(), null, uri) : render(team, status(created), null, created.problem(), uri);
    }

    @POST
    @Path("/{team}/{id}/token")
    @RolesAllowed("admin")
    public Response rotate(@PathParam("team") String team, @PathParam("id") String id, @Context UriInfo uri) {
        Answer rotated = pages.post("/v1/integrations/" + enc(id) + "/token", Map.of());
        return rotated.ok() ? render(team, 200, rotated.body(), null, uri) : render(team, status(rotated), null, rotated.problem(), uri);
    }

    private Response render(String team, int status, JsonNode shownOnce, String refused, UriInfo uri) {
        Answer list = pages.get("/v1/integrations?team=" + enc(team));
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        String url = shownOnce == null ? null : shownOnce.path("webhookUrl").asText("");
        return Response.status(status).type(MediaType.TEXT_HTML).entity(pages.page(page, "Integrations · " + team)
                .data("team", team)
                .data("integrations", list.ok() ? items(list.body()) : null)
                .data("listProblem", list.ok() ? null : list.problem())
                .data("shownOnce", shownOnce)
                .data("shownUrl", url == null ? null : url.startsWith("/") ? base + url : url)
                .data("isAdmin", pages.may("admin"))
                .data("refused", refused)).build();
    }

    private static List<JsonNode> items(JsonNode list) {
        List<JsonNode> items = new ArrayList<>();
        list.path("items").forEach(items::add);
        return items;
    }
}
