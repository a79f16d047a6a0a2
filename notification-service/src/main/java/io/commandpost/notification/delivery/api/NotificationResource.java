package io.commandpost.notification.delivery.api;

import io.commandpost.notification.delivery.DeliveryKind;
import io.commandpost.notification.delivery.Notifications;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.Problem;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Delivery history (pages, reminders, announcements): what was sent to whom, and how it went. */
@Path("/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
public class NotificationResource {

    static final int MAX_LIMIT = 500;

    private final Notifications notifications;

    NotificationResource(Notifications notifications) {
        this.notifications = notifications;
    }

    public record Page(List<NotificationView> items) {
    }

    @GET
    @Operation(summary = "A team's notifications of every kind (or of one kind), newest first")
    public Page list(@QueryParam("team") String team, @QueryParam("kind") String kindParam,
                     @QueryParam("limit") @DefaultValue("50") String limitParam) {
        if (team == null || team.isBlank()) {
            throw InvalidInputException.field("/team", "the query parameter team is required");
        }
        int limit = parseLimit(limitParam);
        Optional<DeliveryKind> kind = parseKind(kindParam);
        return new Page(notifications.byTeam(team, kind, limit).stream().map(NotificationView::of).toList());
    }

    private static Optional<DeliveryKind> parseKind(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DeliveryKind.valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("/kind", "kind must be one of " + Arrays.toString(DeliveryKind.values()));
        }
    }

    private static int parseLimit(String value) {
        int limit;
        try {
            limit = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.field("/limit", "limit must be an integer between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One notification")
    public NotificationView get(@PathParam("id") String id) {
        UUID notificationId;
        try {
            notificationId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problem.notFound("no notification " + id).exception();
        }
        return notifications.find(notificationId).map(NotificationView::of)
                .orElseThrow(() -> Problem.notFound("no notification " + id).exception());
    }
}
