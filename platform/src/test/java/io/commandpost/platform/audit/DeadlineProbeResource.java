package io.commandpost.platform.audit;

import io.commandpost.platform.command.CommandHandler;
import io.commandpost.platform.command.Expected;
import io.commandpost.platform.http.RequestMetadata;
import io.commandpost.platform.security.Roles;
import io.commandpost.platform.testing.Deadlines;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A write through the command handler on a person's request, as every service's resources do. */
@Path("/test/deadlines/{stream}")
@Blocking
public class DeadlineProbeResource {

    private final CommandHandler handler;
    private final Deadlines deadlines;
    private final RequestMetadata request;

    DeadlineProbeResource(CommandHandler handler, Deadlines deadlines, RequestMetadata request) {
        this.handler = handler;
        this.deadlines = deadlines;
        this.request = request;
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    public void give(@PathParam("stream") String stream) {
        handler.handle(deadlines, stream, new Deadlines.Give(UUID.randomUUID(), Instant.now().plus(Duration.ofDays(1))),
                Expected.ANY, request.metadata());
    }
}
