package io.commandpost.console.web;

import io.commandpost.console.config.ConsoleConfig;
import io.commandpost.console.proxy.ApiRoutes;
import io.commandpost.console.services.Answer;
import io.commandpost.console.services.ServiceCredentials;
import io.commandpost.console.services.Services;
import io.commandpost.console.signin.CurrentUser;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What a page needs around its own content: the services' API called with the signed-in person's credential, the
 * frame every page shows ({@link Page}), and the way to the first team's page.
 */
@RequestScoped
public class Pages {

    private final Services services;
    private final ServiceCredentials credentials;
    private final CurrentUser user;
    private final ConsoleConfig config;

    Pages(Services services, ServiceCredentials credentials, CurrentUser user, ConsoleConfig config) {
        this.services = services;
        this.credentials = credentials;
        this.user = user;
        this.config = config;
    }

    /** A service's answer to a GET of a public API path, asked as the signed-in person. */
    public Answer get(String path) {
        return services.get(credentials.authorization(user), path);
    }

    /** One service's answer to a GET of a path every service serves (the audit), asked as the signed-in person. */
    public Answer get(ApiRoutes.Owner owner, String path) {
        return services.get(credentials.authorization(user), owner, path);
    }

    /** A service's answer to a POST of {@code body} (as JSON), asked as the signed-in person. */
    public Answer post(String path, Object body) {
        return services.post(credentials.authorization(user), path, body);
    }

    /** The page, with who is signed in, the teams and the title. */
    public TemplateInstance page(Template template, String title) {
        return Page.with(template.instance(), user, config, title);
    }

    public boolean may(String role) {
        return user.may(role);
    }

    /** {@code base/<the first team>}: where a page of one team opens when no team is named. */
    public Response firstTeam(String base) {
        return Response.seeOther(URI.create(base + "/" + enc(config.teams().get(0)))).build();
    }

    /** The status a page answers with when a service refused: the service's own, but 502 for its failures. */
    public static int status(Answer answer) {
        return answer.status() >= 500 ? 502 : answer.status();
    }

    /** A path segment or query value. */
    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
