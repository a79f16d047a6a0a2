package io.commandpost.platform.audit;

import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who changed what and when, in this service: read from its event store (ADR 0023). */
@Path("/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
@RolesAllowed(Roles.VIEWER)
@Blocking
public class AuditResource {

    static final int MAX_LIMIT = 1000;
    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    private final AuditLog log;
    private final Clock clock;

    AuditResource(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Who changed what and when",
            description = "The events this service recorded, newest first: time, actor (the authenticated person "
                    + "or API key; via names the service key a person acted through), event type, aggregate, data. "
                    + "team keeps the streams of that team; since (ISO-8601 instant, default 7 days ago); actor keeps "
                    + "one person's or key's actions; limit ≤ 1000 (default 200).")
    public List<AuditEntry> audit(@QueryParam("team") String team, @QueryParam("since") String since,
                                  @QueryParam("actor") String actor,
                                  @QueryParam("limit") @DefaultValue("200") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.field("/limit", "limit is between 1 and " + MAX_LIMIT);
        }
        return log.find(blankToNull(team), since(since), blankToNull(actor), limit);
    }

    private Instant since(String since) {
        if (since == null || since.isBlank()) {
            return clock.instant().minus(DEFAULT_WINDOW);
        }
        try {
            return Instant.parse(since.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field("/since", "since is an ISO-8601 instant such as 2026-03-01T00:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
