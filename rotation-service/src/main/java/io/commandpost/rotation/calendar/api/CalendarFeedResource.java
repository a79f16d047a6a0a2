package io.commandpost.rotation.calendar.api;

import jakarta.annotation.security.PermitAll;
import io.commandpost.rotation.calendar.CalendarService;
import io.commandpost.rotation.calendar.IcsFeed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Subscribable feeds (Google Calendar, Outlook). Public paths, since calendar clients send no
 * headers: the per-team token in the URL is the credential.
 */
@Path("/v1/calendars/teams")
@Tag(name = "Calendar", description = "RFC 5545 feeds of MRO days and night duties")
@PermitAll
public class CalendarFeedResource {

    private final CalendarService calendars;

    CalendarFeedResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GET
    @Path("/{id: [^/]+}.ics")
    @Operation(summary = "The team's iCalendar feed",
            description = "Public path: the token from POST /v1/teams/{id}/calendar-token is the credential. Shifts "
                    + "started in the last 2 weeks and the planned MRO days and night duties of the next 8 weeks. "
                    + "Any wrong token, team or member: 404.")
    public Response team(@PathParam("id") String teamId, @QueryParam("token") String token) {
        return ics(calendars.feed(teamId, null, token));
    }

    @GET
    @Path("/{id}/members/{handle: [^/]+}.ics")
    @Operation(summary = "One member's iCalendar feed (same token, same window, only that member's duties)")
    public Response member(@PathParam("id") String teamId, @PathParam("handle") String handle,
                           @QueryParam("token") String token) {
        return ics(calendars.feed(teamId, handle, token));
    }

    private static Response ics(String body) {
        return Response.ok(body, IcsFeed.MEDIA_TYPE + ";charset=utf-8")
                .header("Cache-Control", "private, max-age=300")
                .build();
    }
}
