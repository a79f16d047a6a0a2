package io.commandpost.rotation.handover.api;

import io.commandpost.platform.security.Caller;
import io.commandpost.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.Problem;
import io.commandpost.platform.http.RequestMetadata;
import io.commandpost.rotation.handover.Handover;
import io.commandpost.rotation.handover.HandoverCommand;
import io.commandpost.rotation.handover.HandoverService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The MRO hands over at the end of the day; the receiver accepts. Both are the caller (responders). */
@Path("/v1/teams/{id}/handovers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Handover", description = "End-of-day handover from the MRO on duty to the next MRO or the partner team's")
public class HandoverResource {

    /** Body of a submission: the notes. Who hands over is the caller; a {@code from} in the body is ignored. */
    public record SubmitBody(String notes) {
    }

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;

    private final HandoverService service;
    private final RequestMetadata request;
    private final Caller caller;

    HandoverResource(HandoverService service, RequestMetadata request, Caller caller) {
        this.service = service;
        this.request = request;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    @Operation(summary = "Hand over at the end of the MRO day, with notes and every open item of the queue",
            description = "Only the MRO on duty, once per shift (409 otherwise). The receiver is the next MRO per the "
                    + "duty plan, or the follow-the-sun partner team's MRO on duty. 201 with the handover.")
    public Response submit(@PathParam("id") String teamId, SubmitBody body) {
        Handover handover = service.submit(new HandoverCommand.Submit(teamId, caller.handle(),
                body == null ? null : body.notes()), request.metadata());
        return Response.created(URI.create("/v1/teams/" + teamId + "/handovers/" + handover.handoverId()))
                .entity(HandoverView.of(handover)).build();
    }

    @POST
    @RolesAllowed(Roles.RESPONDER)
    @Path("/{handoverId}/accept")
    @Operation(summary = "Accept a handover", description = "Only its receiver, once (409 otherwise).")
    @Consumes(MediaType.WILDCARD) // no body: any Content-Type, or none
    public HandoverView accept(@PathParam("id") String teamId, @PathParam("handoverId") String handoverId) {
        return HandoverView.of(service.accept(new HandoverCommand.Accept(teamId, id(handoverId), caller.handle()),
                request.metadata()));
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The team's handovers, newest first",
            description = "Every handover given on the team's shift stream (to its next MRO or to the follow-the-sun "
                    + "partner's), whoever wrote it, with its status: PENDING, ACCEPTED or OVERDUE. since (ISO-8601 "
                    + "instant) keeps those handed over at or after it; limit 1.." + MAX_LIMIT + " (default "
                    + DEFAULT_LIMIT + "). 404 for an unknown team, 400 for a bad since or limit.")
    public Map<String, List<HandoverView>> list(@PathParam("id") String teamId, @QueryParam("since") String since,
                                                @QueryParam("limit") String limit) {
        return Map.of("items", service.list(teamId, since(since), limit(limit)).stream().map(HandoverView::of)
                .toList());
    }

    @GET
    @Path("/{handoverId}")
    @Operation(summary = "A handover and its status: PENDING, ACCEPTED or OVERDUE")
    public HandoverView get(@PathParam("id") String teamId, @PathParam("handoverId") String handoverId) {
        return HandoverView.of(service.get(teamId, id(handoverId)));
    }

    private static Instant since(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field("/since", "since is an ISO-8601 instant such as 2026-03-01T00:00:00Z");
        }
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw InvalidInputException.field("/limit", "limit is a whole number from 1 to " + MAX_LIMIT);
    }

    private static UUID id(String handoverId) {
        try {
            return UUID.fromString(handoverId);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("no handover " + handoverId).exception();
        }
    }
}
