package io.commandpost.rotation.shift.api;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.platform.http.Problem;
import io.commandpost.rotation.shift.ShiftRepository;
import io.commandpost.rotation.team.TeamRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;

/** Who is on duty now: the last MRO shift that actually started (runtime state, not the plan). */
@Path("/v1/teams/{id}/on-call")
@Produces(MediaType.APPLICATION_JSON)
public class OnCallResource {

    public record OnCall(String team, Duty mro) {
    }

    public record Duty(String member, UUID shiftId, Instant startsAt, Instant endsAt, boolean late) {
        static Duty of(ShiftEvent.ShiftStarted shift) {
            return new Duty(shift.member(), shift.shiftId(), shift.startsAt(), shift.endsAt(), shift.late());
        }
    }

    private final TeamRepository teams;
    private final ShiftRepository shifts;

    OnCallResource(TeamRepository teams, ShiftRepository shifts) {
        this.teams = teams;
        this.shifts = shifts;
    }

    @GET
    public OnCall onCall(@PathParam("id") String id) {
        if (teams.find(id).isEmpty()) {
            throw Problem.notFound("no team " + id).exception();
        }
        var mro = shifts.load(id).last(ShiftKind.MRO_DAY).map(Duty::of).orElse(null);
        return new OnCall(id, mro);
    }
}
