package io.commandpost.console.alert;

import io.commandpost.console.services.Answer;
import io.commandpost.console.services.ServiceCredentials;
import io.commandpost.console.services.Services;
import io.commandpost.console.signin.CurrentUser;
import io.commandpost.console.config.ConsoleConfig;
import io.commandpost.console.web.Page;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** One alert: its occurrences, who acted and when, and what can be done from here. */
@Path("/alerts/{team}/{key}")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class AlertResource {

    private final Services services;
    private final ServiceCredentials credentials;
    private final CurrentUser user;
    private final ConsoleConfig config;
    private final Template page;

    AlertResource(Services services, ServiceCredentials credentials, CurrentUser user, ConsoleConfig config,
                  @Location("alert.html") Template page) {
        this.services = services;
        this.credentials = credentials;
        this.user = user;
        this.config = config;
        this.page = page;
    }

    @GET
    public Response page(@PathParam("team") String team, @PathParam("key") String key) {
        Answer alert = services.get(credentials.authorization(user),
                "/v1/teams/" + enc(team) + "/queue/alert/" + enc(key));
        return Response.status(alert.ok() ? 200 : alert.status() == 404 ? 404 : 502).type(MediaType.TEXT_HTML)
                .entity(Page.with(page.instance(), user, config, "Alert · " + key).data("team", team).data("key", key)
                        .data("alert", alert.ok() ? alert.body() : null)
                        .data("problem", alert.ok() ? null : alert.problem()))
                .build();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
