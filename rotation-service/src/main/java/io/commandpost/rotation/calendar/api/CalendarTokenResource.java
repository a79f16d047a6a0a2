package io.commandpost.rotation.calendar.api;

import io.commandpost.events.TeamEvent;
import io.commandpost.platform.http.Problem;
import io.commandpost.rotation.calendar.CalendarTokens;
import io.commandpost.rotation.team.Team;
import io.commandpost.rotation.team.TeamAggregate;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Issues (and, called again, rotates) a team's calendar token; shown once, stored hashed. */
@Path("/v1/teams/{id}/calendar-token")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar")
public class CalendarTokenResource {

    public record TokenView(String team, String token, String teamFeed, Map<String, String> memberFeeds) {
    }

    private final TeamAggregate teams;
    private final CalendarTokens tokens;

    CalendarTokenResource(TeamAggregate teams, CalendarTokens tokens) {
        this.teams = teams;
        this.tokens = tokens;
    }

    @POST
    @Operation(summary = "Issue or rotate the team's calendar token",
            description = "Shown once (stored as a SHA-256); a new call invalidates the previous token and its feed URLs.")
    public Response issue(@PathParam("id") String teamId) {
        Team team = teams.find(teamId).orElseThrow(() -> Problem.notFound("no team " + teamId).exception()).state();
        String token = tokens.issue(teamId);
        String query = "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        Map<String, String> members = new LinkedHashMap<>();
        for (TeamEvent.Member member : team.members()) {
            members.put(member.handle(), "/v1/calendars/teams/" + teamId + "/members/"
                    + URLEncoder.encode(member.handle(), StandardCharsets.UTF_8) + ".ics" + query);
        }
        return Response.status(Response.Status.CREATED)
                .header("Cache-Control", "no-store")
                .entity(new TokenView(teamId, token, "/v1/calendars/teams/" + teamId + ".ics" + query, members))
                .build();
    }
}
