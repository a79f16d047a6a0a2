package io.commandpost.incident.queue.api;

import io.commandpost.incident.queue.ItemKey;
import io.commandpost.incident.queue.ItemKind;
import io.commandpost.incident.queue.MroQueue;
import io.commandpost.events.Priority;
import io.commandpost.incident.queue.QueueFilter;
import io.commandpost.incident.queue.QueueItem;
import io.commandpost.incident.queue.QueueOrder;
import io.commandpost.incident.queue.projection.QueueActivityStore;
import io.commandpost.incident.queue.projection.QueueStore;
import io.commandpost.platform.http.InvalidInputException;
import io.commandpost.platform.http.Problem;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The MRO's work list: read side of the mro-queue projection. */
@Path("/v1/teams/{team}/queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "queue")
@Blocking
public class QueueResource {

    private static final int MAX_PAGE_SIZE = 500;

    private final QueueStore store;
    private final QueueActivityStore activities;

    QueueResource(QueueStore store, QueueActivityStore activities) {
        this.store = store;
        this.activities = activities;
    }

    @GET
    @Operation(summary = "A team's open queue, paged and filterable",
            description = "Open items only: alerts before incidents before questions, then priority (P1 first), "
                    + "then openedAt, then id. An acknowledged alert stays open and in place (acknowledged: true). "
                    + "Filters: kind (alert|incident|question), priority (P1..P5), acknowledged (alerts), since "
                    + "(opened at or after, ISO-8601). Pages count from 0 (size 1-500, default 100). Each item shows "
                    + "its owner (who claimed it, or the receiver of the handover that carried it) and who acted "
                    + "on it last. An unknown team has an empty queue.")
    public QueueResponse queue(@PathParam("team") String team, @QueryParam("kind") String kind,
                               @QueryParam("priority") String priority,
                               @QueryParam("acknowledged") Boolean acknowledged,
                               @QueryParam("since") String since,
                               @QueryParam("page") @DefaultValue("0") int page,
                               @QueryParam("size") @DefaultValue("100") int size) {
        if (page < 0) {
            throw InvalidInputException.field("/page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw InvalidInputException.field("/size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        QueueFilter filter = new QueueFilter(kind == null ? null : kindOf(kind), priorityOf(priority), acknowledged,
                instantOf(since));
        return QueueResponse.of(team, filter.page(MroQueue.of(team, store.openItems(team)), page, size),
                activities.ofTeam(team));
    }

    @GET
    @Path("/since-handover")
    @Operation(summary = "What changed since the team's last handover",
            description = "The MRO's first look in the morning: what arrived (opened after the handover), what "
                    + "was closed since, and what is still open, each in the MRO's order. 404 before any handover.")
    public SinceHandover sinceHandover(@PathParam("team") String team) {
        QueueActivityStore.LastHandover handover = activities.lastHandover(team).orElseThrow(
                () -> Problem.notFound("team '" + team + "' has had no handover").exception());
        List<QueueItem> all = store.allItems(team).stream().sorted(QueueOrder.MRO).toList();
        var activity = activities.ofTeam(team);
        java.util.function.Function<QueueItem, QueueEntry> entry = item -> QueueEntry.of(item,
                activity.get(item.key()));
        return new SinceHandover(team, handover.from(), handover.to(), handover.at(),
                all.stream().filter(item -> item.openedAt() != null && item.openedAt().isAfter(handover.at()))
                        .map(entry).toList(),
                all.stream().filter(item -> !item.isOpen() && item.closedAt() != null
                        && item.closedAt().isAfter(handover.at())).map(entry).toList(),
                all.stream().filter(QueueItem::isOpen).map(entry).toList());
    }

    /** {@code GET .../queue/since-handover}. */
    public record SinceHandover(String team, String handedOverBy, String receivedBy, Instant handedOverAt,
                                List<QueueEntry> arrived, List<QueueEntry> closed, List<QueueEntry> stillOpen) {
    }

    @GET
    @Path("/{kind}/{id}")
    @Operation(summary = "One queue item, open or resolved",
            description = "kind is alert, incident or question; the id of an alert is its dedup key.")
    public QueueItemDetail item(@PathParam("team") String team, @PathParam("kind") String kind,
                                @PathParam("id") String id) {
        ItemKind itemKind = Arrays.stream(ItemKind.values())
                .filter(candidate -> candidate.name().equals(kind.toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> notFound(team, kind, id));
        ItemKey key = new ItemKey(team, itemKind, id);
        return store.find(key).map(item -> QueueItemDetail.of(item, activities.find(key).orElse(null)))
                .orElseThrow(() -> notFound(team, kind, id));
    }

    private static ItemKind kindOf(String kind) {
        return Arrays.stream(ItemKind.values()).filter(k -> k.name().equals(kind.toUpperCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> InvalidInputException.field("/kind", "must be alert, incident or "
                        + "question"));
    }

    private static Priority priorityOf(String priority) {
        if (priority == null) {
            return null;
        }
        return Arrays.stream(Priority.values()).filter(p -> p.name().equals(priority.toUpperCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> InvalidInputException.field("/priority", "must be P1 to P5"));
    }

    private static Instant instantOf(String since) {
        if (since == null) {
            return null;
        }
        try {
            return Instant.parse(since);
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInputException.field("/since", "must be an ISO-8601 instant like 2026-03-29T07:00:00Z");
        }
    }

    private static jakarta.ws.rs.WebApplicationException notFound(String team, String kind, String id) {
        return Problem.notFound("no " + kind + " '" + id + "' in the queue of team '" + team + "'").exception();
    }
}
