package io.commandpost.rotation.team.api;

import io.commandpost.platform.eventing.ConcurrencyConflictException;
import io.commandpost.platform.http.DomainRuleException;
import io.commandpost.platform.http.IfMatch;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.Problem;
import io.commandpost.platform.http.RequestMetadata;
import io.commandpost.rotation.team.TeamRepository;
import io.commandpost.rotation.team.TeamService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

@Path("/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    private final TeamService service;
    private final TeamRepository teams;
    private final RequestMetadata request;

    TeamResource(TeamService service, TeamRepository teams, RequestMetadata request) {
        this.service = service;
        this.teams = teams;
        this.request = request;
    }

    @POST
    public Response create(CreateTeamRequest body) {
        if (body == null) {
            throw InvalidInputException.field("", "a team is required");
        }
        TeamRepository.Versioned created;
        try {
            created = service.create(body.toCommand(), request.metadata());
        } catch (ConcurrencyConflictException e) {
            // another request created the same team between our read and our append
            throw new DomainRuleException("team " + body.id() + " already exists");
        }
        return Response.created(URI.create("/v1/teams/" + created.team().id()))
                .tag(IfMatch.etag(created.version()))
                .entity(TeamView.of(created))
                .build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        TeamRepository.Versioned team = teams.find(id)
                .orElseThrow(() -> Problem.notFound("no team " + id).exception());
        return Response.ok(TeamView.of(team)).tag(IfMatch.etag(team.version())).build();
    }
}
