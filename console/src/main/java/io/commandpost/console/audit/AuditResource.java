package io.commandpost.console.audit;

import static io.commandpost.console.web.Pages.enc;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.console.proxy.ApiRoutes;
import io.commandpost.console.services.Answer;
import io.commandpost.console.web.Pages;
import io.commandpost.console.web.Problems;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who changed what and when, across the services: each one's {@code GET /v1/audit} (its own event store: every
 * action, team configuration, integrations, policies, channels) asked with the admin's own token and merged into
 * one list, newest first, filtered by team, person and start date, paged. Admins only.
 */
@Path("/audit")
@RolesAllowed("admin")
@Produces(MediaType.TEXT_HTML)
public class AuditResource {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    /** The most a service's audit answers at once: pages reach back this far per service. */
    static final int SERVICE_MAX = 1000;

    static final Map<ApiRoutes.Owner, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put(ApiRoutes.Owner.INGEST, "alert-ingest");
        SERVICES.put(ApiRoutes.Owner.ROTATION, "rotation");
        SERVICES.put(ApiRoutes.Owner.INCIDENT, "incident");
        SERVICES.put(ApiRoutes.Owner.NOTIFICATION, "notification");
    }

    private final Pages pages;
    private final Template page;

    AuditResource(Pages pages, @Location("audit.html") Template page) {
        this.pages = pages;
        this.page = page;
    }

    @GET
    public Response audit(@QueryParam("team") String team, @QueryParam("actor") String actor,
                          @QueryParam("since") String since, @QueryParam("page") String number,
                          @QueryParam("size") String size, @Context HttpServerRequest request) {
        team = blankToNull(team);
        actor = blankToNull(actor);
        Instant from;
        int pageNumber;
        int pageSize;
        try {
            from = since(since);
            pageNumber = whole("page", number, 1, 1, Integer.MAX_VALUE);
            pageSize = whole("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        } catch (IllegalArgumentException e) {
            return Problems.response(request, 400, "Bad audit filter", e.getMessage());
        }
        int wanted = AuditTrail.wanted(pageNumber, pageSize);
        if (wanted > SERVICE_MAX + 1) {
            return Problems.response(request, 400, "Bad audit filter", "the audit pages reach back " + SERVICE_MAX
                    + " entries per service: narrow it by date or person instead of paging further");
        }
        String query = query(team, actor, from, Math.min(wanted, SERVICE_MAX));
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        List<String> unread = new ArrayList<>();
        SERVICES.forEach((owner, name) -> {
            Answer answer = pages.get(owner, "/v1/audit?" + query);
            if (answer.ok() && answer.body().isArray()) {
                answers.put(name, answer.body());
            } else {
                unread.add(name + ": " + answer.problem());
            }
        });
        AuditTrail.Page trail = AuditTrail.page(answers, pageNumber, pageSize);
        String shownSince = since == null || since.isBlank() ? null : from.atZone(ZoneOffset.UTC).toLocalDate().toString();
        return Response.ok(pages.page(page, "Audit")
                .data("team", team).data("actor", actor).data("since", shownSince)
                .data("entries", trail.entries())
                .data("page", trail.number())
                .data("newer", trail.hasNewer() ? href(team, actor, shownSince, pageNumber - 1, pageSize) : null)
                .data("older", trail.hasOlder() ? href(team, actor, shownSince, pageNumber + 1, pageSize) : null)
                .data("unread", unread)).type(MediaType.TEXT_HTML).build();
    }

    /** A start date (the form's date field: that day, UTC) or an instant; none: the services' default (7 days). */
    static Instant since(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        String value = since.strip();
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since is a date such as 2026-12-01 or an instant such as "
                    + "2026-12-01T09:00:00Z, not '" + value + "'");
        }
    }

    static int whole(String name, String value, int otherwise, int min, int max) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(name + " is a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max));
    }

    private static String query(String team, String actor, Instant since, int limit) {
        StringBuilder query = new StringBuilder("limit=").append(limit);
        if (team != null) {
            query.append("&team=").append(enc(team));
        }
        if (actor != null) {
            query.append("&actor=").append(enc(actor));
        }
        if (since != null) {
            query.append("&since=").append(enc(since.toString()));
        }
        return query.toString();
    }

    private static String href(String team, String actor, String since, int number, int size) {
        StringBuilder href = new StringBuilder("/audit?page=").append(number);
        if (size != DEFAULT_SIZE) {
            href.append("&size=").append(size);
        }
        if (team != null) {
            href.append("&team=").append(enc(team));
        }
        if (actor != null) {
            href.append("&actor=").append(enc(actor));
        }
        if (since != null) {
            href.append("&since=").append(enc(since));
        }
        return href.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
