package io.commandpost.console.alert;

import static io.commandpost.console.web.Pages.enc;

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

/** One alert: its occurrences, who acted and when, and what can be done from here. */
@Path("/alerts/{team}/{key}")
@RolesAllowed({"viewer", "responder", "admin"})
@Produces(MediaType.TEXT_HTML)
public class AlertResource {

    private final Pages pages;
    private final Template page;

    AlertResource(Pages pages, @Location("alert.html") Template page) {
        this.pages = pages;
        this.page = page;
    }

    @GET
    public Response page(@PathParam("team") String team, @PathParam("key") String key) {
        Answer alert = pages.get("/v1/teams/" + enc(team) + "/queue/alert/" + enc(key));
        return Response.status(alert.ok() ? 200 : alert.status() == 404 ? 404 : 502).type(MediaType.TEXT_HTML)
                .entity(pages.page(page, "Alert · " + key).data("team", team).data("key", key)
                        .data("alert", alert.ok() ? alert.body() : null)
                        .data("problem", alert.ok() ? null : alert.problem()))
                .build();
    }
}
