package io.commandpost.rotation.team.api;

import io.commandpost.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.commandpost.platform.command.CommandHandler;
import io.commandpost.platform.command.Expected;
import io.commandpost.platform.command.Versioned;
import io.commandpost.platform.domain.RuleViolationException;
import io.commandpost.platform.eventing.ConcurrencyConflictException;
import io.commandpost.platform.http.IfMatch;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.Problem;
import io.commandpost.platform.http.RequestMetadata;
import io.commandpost.rotation.team.Team;
import io.commandpost.rotation.team.TeamAggregate;
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

    private final CommandHandler handler;
    private final TeamAggregate teams;
    private final RequestMetadata request;

    TeamResource(CommandHandler handler, TeamAggregate teams, RequestMetadata request) {
        this.handler = handler;
        this.teams = teams;
        this.request = request;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(CreateTeamRequest body) {
        if (body == null) {
            throw InvalidInputException.field("", "a team is required");
        }
        Versioned<Team> created;
        try {
            // the team's first shifts start in the same transaction (shift's handoffs observe the creation)
            created = handler.handle(teams, body.id(), body.toCommand(), Expected.ANY, request.metadata())
                    .versioned();
        } catch (ConcurrencyConflictException e) {
            // another request created the same team between our read and our append
            throw new RuleViolationException("team " + body.id() + " already exists");
        }
        return Response.created(URI.create("/v1/teams/" + created.state().id()))
                .tag(IfMatch.etag(created.version()))
                .entity(TeamView.of(created))
                .build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        Versioned<Team> team = teams.find(id)
                .orElseThrow(() -> Problem.notFound("no team " + id).exception());
        return Response.ok(TeamView.of(team)).tag(IfMatch.etag(team.version())).build();
    }
}
