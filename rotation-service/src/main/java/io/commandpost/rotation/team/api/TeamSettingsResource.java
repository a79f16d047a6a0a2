package io.commandpost.rotation.team.api;

import io.commandpost.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.commandpost.platform.command.CommandHandler;
import io.commandpost.platform.command.Versioned;
import io.commandpost.platform.http.IfMatch;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.Problem;
import io.commandpost.platform.http.RequestMetadata;
import io.commandpost.rotation.team.TeamCommand;
import io.commandpost.rotation.team.Team;
import io.commandpost.rotation.team.TeamAggregate;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A team's configuration: members, MRO rotation, night duty, leave, overrides, partner team. Every
 * change answers the team with its new ETag; send the ETag you saw as {@code If-Match} to get a 412
 * instead of overwriting someone else's change. Changes apply to the future only.
 */
@Path("/v1/teams/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Team configuration")
public class TeamSettingsResource {

    private final CommandHandler handler;
    private final TeamAggregate teams;
    private final RequestMetadata request;

    TeamSettingsResource(CommandHandler handler, TeamAggregate teams, RequestMetadata request) {
        this.handler = handler;
        this.teams = teams;
        this.request = request;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/members")
    @Operation(summary = "Add a member (not yet in any rotation)")
    public Response addMember(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                              CreateTeamRequest.MemberBody body) {
        required(body);
        return created(change(new TeamCommand.AddMember(id, body.toNewMember()), ifMatch),
                "/v1/teams/" + id + "/members/" + body.handle());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/members/{handle}")
    @Operation(summary = "Replace a member's details and skills (the handle stays)")
    public Response updateMember(@PathParam("id") String id, @PathParam("handle") String handle,
                                 @HeaderParam("If-Match") String ifMatch, CreateTeamRequest.MemberBody body) {
        required(body);
        var team = teams.find(id).orElseThrow(() -> Problem.notFound("no team " + id).exception());
        if (team.state().member(handle).isEmpty()) {
            throw Problem.notFound("no member " + handle + " in team " + id).exception();
        }
        if (body.handle() != null && !body.handle().equals(handle)) {
            throw InvalidInputException.field("/handle", "a handle cannot change (path says '" + handle + "')");
        }
        return ok(change(new TeamCommand.UpdateMember(id, handle, body.toNewMember()), ifMatch));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/mro-rotation")
    @Operation(summary = "Configure the MRO rotation: order, handoff time, covered days, working hours",
            description = "Applies to the days whose handoff is at or after effectiveFrom (default now).")
    public Response configureMro(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                 TeamSettingsRequests.MroRotation body) {
        required(body);
        return ok(change(new TeamCommand.ConfigureMroRotation(id, body.rotation(), body.handoffTime(), body.coverage(),
                body.workdayStart(), body.workdayEnd(), body.effectiveFrom()), ifMatch));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/night-duty")
    @Operation(summary = "Configure night duty (outside the MRO day): rotation and shift length DAILY or WEEKLY",
            description = "An empty rotation stops night duty. Applies to the days starting at or after effectiveFrom.")
    public Response configureNight(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                   TeamSettingsRequests.NightDuty body) {
        required(body);
        return ok(change(new TeamCommand.ConfigureNightDuty(id, body.rotation() == null ? List.of() : body.rotation(),
                body.shiftLength(), body.effectiveFrom()), ifMatch));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/leave")
    @Operation(summary = "Record a member's leave over [from, to)",
            description = "from/to: instants, or dates meaning whole days in the team's zone (to inclusive). "
                    + "Overlapping leave of the same member: 409.")
    public Response recordLeave(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                TeamSettingsRequests.Leave body) {
        required(body);
        UUID leaveId = UUID.randomUUID();
        ZoneId zone = zoneOf(id);
        return created(change(new TeamCommand.RecordLeave(id, leaveId, body.member(),
                body.from() == null ? null : body.from().start(zone), body.to() == null ? null : body.to().end(zone),
                body.reason()), ifMatch), "/v1/teams/" + id + "/leave/" + leaveId);
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/leave/{leaveId}")
    @Operation(summary = "Cancel leave (days already started keep their plan)")
    public Response cancelLeave(@PathParam("id") String id, @PathParam("leaveId") UUID leaveId,
                                @HeaderParam("If-Match") String ifMatch) {
        var team = teams.find(id).orElseThrow(() -> Problem.notFound("no team " + id).exception());
        if (team.state().leave(leaveId).isEmpty()) {
            throw Problem.notFound("no leave " + leaveId + " in team " + id).exception();
        }
        return ok(change(new TeamCommand.CancelLeave(id, leaveId), ifMatch));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/overrides")
    @Operation(summary = "Add, remove or replace a person on a duty over [start, end)",
            description = "addMember only adds, removeMember only removes, both replace. start/end: instants, or "
                    + "dates meaning whole days in the team's zone (end inclusive). An override overlapping "
                    + "another one for the same person and duty: 409.")
    public Response recordOverride(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                   TeamSettingsRequests.Override body) {
        required(body);
        UUID overrideId = UUID.randomUUID();
        ZoneId zone = zoneOf(id);
        return created(change(new TeamCommand.RecordOverride(id, overrideId, body.kind(), body.addMember(),
                body.removeMember(), body.start() == null ? null : body.start().start(zone),
                body.end() == null ? null : body.end().end(zone), body.recordedBy()), ifMatch),
                "/v1/teams/" + id + "/overrides/" + overrideId);
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/overrides/{overrideId}")
    @Operation(summary = "Cancel an override (shifts already started keep who worked them)")
    public Response cancelOverride(@PathParam("id") String id, @PathParam("overrideId") UUID overrideId,
                                   @HeaderParam("If-Match") String ifMatch) {
        var team = teams.find(id).orElseThrow(() -> Problem.notFound("no team " + id).exception());
        if (team.state().override(overrideId).isEmpty()) {
            throw Problem.notFound("no override " + overrideId + " in team " + id).exception();
        }
        return ok(change(new TeamCommand.CancelOverride(id, overrideId), ifMatch));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/partner")
    @Operation(summary = "Name the follow-the-sun partner team that receives the end-of-day handover")
    public Response setPartner(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                               TeamSettingsRequests.Partner body) {
        required(body);
        boolean exists = body.partnerTeamId() != null && teams.find(body.partnerTeamId()).isPresent();
        return ok(change(new TeamCommand.SetPartnerTeam(id, body.partnerTeamId(), exists), ifMatch));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Path("/pattern")
    @Operation(summary = "Adopt a fixed MRO cycle for the days not started yet",
            description = "Day startsOn + i (and every cycle.length days after it) is cycle[i]'s; null leaves the day "
                    + "to the rule. Rest after night duty or a night page, leave and overrides still come first. "
                    + "A change of the MRO rotation's members or covered days, or of night duty, drops it. "
                    + "POST /pattern/suggest computes one for the team's current shape.")
    public Response adoptPattern(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                 TeamSettingsRequests.Pattern body) {
        required(body);
        return ok(change(new TeamCommand.AdoptPattern(id, body.startsOn(), body.cycle()), ifMatch));
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Path("/pattern")
    @Operation(summary = "Stop following the adopted pattern (from the next day not started); 409 when there is none")
    public Response dropPattern(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return ok(change(new TeamCommand.DropPattern(id), ifMatch));
    }

    /** The team's zone, in which a date bound of leave or an override is a whole local day. */
    private ZoneId zoneOf(String id) {
        return teams.find(id).orElseThrow(() -> Problem.notFound("no team " + id).exception()).state().zone();
    }

    /** A missing team is 404 before a stale If-Match is 412 (the handler checks the ETag of an existing team). */
    private Versioned<Team> change(TeamCommand command, String ifMatch) {
        return handler.handle(teams, command.teamId(), command, new IfMatch(ifMatch).expected(), request.metadata())
                .versioned();
    }

    private static void required(Object body) {
        if (body == null) {
            throw InvalidInputException.field("", "a request body is required");
        }
    }

    private static Response ok(Versioned<Team> team) {
        return Response.ok(TeamView.of(team)).tag(IfMatch.etag(team.version())).build();
    }

    private static Response created(Versioned<Team> team, String location) {
        return Response.created(URI.create(location)).tag(IfMatch.etag(team.version())).entity(TeamView.of(team)).build();
    }
}
