package io.commandpost.notification.oncall.api;

import io.commandpost.notification.oncall.OnCallDirectory;
import io.commandpost.notification.oncall.Recipient;
import io.commandpost.platform.http.InvalidInputException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Read-only: whom a page for the team would go to at an instant, the very lookup paging uses ({@code OnDuty} over
 * the on-call projection), so it can be compared with rotation's {@code /v1/teams/{id}/on-call?at=}.
 */
@Path("/v1/teams/{team}/on-duty")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerts")
public class OnDutyResource {

    /**
     * {@code onDuty} null when nobody is (no shift of the team covers {@code at}); {@code members} everyone a page
     * goes to, {@code onDuty} first (more than one when an "add only" override added someone).
     */
    public record View(String team, Instant at, Recipient onDuty, List<Recipient> members) {
    }

    private final OnCallDirectory directory;
    private final Clock clock;

    OnDutyResource(OnCallDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Whom a page for the team goes to at an instant (now by default)",
            description = "at: ISO-8601 instant. The lookup paging uses: either shift kind, handovers, follow-the-sun, overrides.")
    public View onDuty(@PathParam("team") String team, @QueryParam("at") String atParam) {
        Instant at = instant(atParam);
        List<Recipient> members = directory.allOnDutyAt(team, at);
        return new View(team, at, members.isEmpty() ? null : members.get(0), members);
    }

    private Instant instant(String at) {
        if (at == null || at.isBlank()) {
            return clock.instant();
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field("/at", "must be an ISO-8601 instant such as 2025-03-03T09:00:00Z");
        }
    }
}
