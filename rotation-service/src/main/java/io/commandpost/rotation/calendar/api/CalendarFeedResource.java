package io.commandpost.rotation.calendar.api;

import io.commandpost.rotation.calendar.CalendarService;
import io.commandpost.rotation.calendar.IcsFeed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * Subscribable feeds (Google Calendar, Outlook). Public paths, since calendar clients send no
 * headers: the per-team token in the URL is the credential.
 */
@Path("/v1/calendars/teams")
public class CalendarFeedResource {

    private final CalendarService calendars;

    CalendarFeedResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GET
    @Path("/{id: [^/]+}.ics")
    public Response team(@PathParam("id") String teamId, @QueryParam("token") String token) {
        return ics(calendars.feed(teamId, null, token));
    }

    @GET
    @Path("/{id}/members/{handle: [^/]+}.ics")
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
