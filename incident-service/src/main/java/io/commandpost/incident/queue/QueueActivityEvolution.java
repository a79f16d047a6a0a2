package io.commandpost.incident.queue;

import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventTypes;
import io.commandpost.events.IncidentEvent;
import io.commandpost.events.QuestionEvent;
import io.commandpost.events.ShiftEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How events change the activity of queue items: a pure fold per item, like {@link QueueEvolution}. */
public final class QueueActivityEvolution {

    private QueueActivityEvolution() {
    }

    /** The items whose activity an event changes (a handover changes every item it carries). */
    public static List<ItemKey> keysOf(DomainEvent event) {
        if (event instanceof ShiftEvent.ShiftHandedOver handedOver) {
            List<ItemKey> keys = new ArrayList<>();
            for (String reference : handedOver.openItems() == null ? List.<String>of() : handedOver.openItems()) {
                referenceKey(handedOver.teamId(), reference).ifPresent(keys::add);
            }
            return keys;
        }
        if (event instanceof QuestionEvent || event instanceof IncidentEvent.IncidentDeclared
                || event instanceof IncidentEvent.IncidentAcknowledged || event instanceof IncidentEvent.IncidentMitigated
                || event instanceof IncidentEvent.IncidentSeverityChanged
                || event instanceof IncidentEvent.IncidentResolved) {
            return QueueEvolution.keyOf(event).map(List::of).orElseGet(() -> questionKey(event));
        }
        return List.of();
    }

    private static List<ItemKey> questionKey(DomainEvent event) {
        if (event instanceof QuestionEvent.QuestionClaimed claimed) {
            return List.of(new ItemKey(claimed.team(), ItemKind.QUESTION, claimed.questionId().toString()));
        }
        if (event instanceof QuestionEvent.QuestionSnoozed snoozed) {
            return List.of(new ItemKey(snoozed.team(), ItemKind.QUESTION, snoozed.questionId().toString()));
        }
        return List.of();
    }

    /** {@code alert:<dedup key>}, {@code question:<id>}, {@code incident:<id>}, as handovers name items. */
    static Optional<ItemKey> referenceKey(String team, String reference) {
        int colon = reference == null ? -1 : reference.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String kind = reference.substring(0, colon).toUpperCase(Locale.ROOT);
        for (ItemKind candidate : ItemKind.values()) {
            if (candidate.name().equals(kind)) {
                return Optional.of(new ItemKey(team, candidate, reference.substring(colon + 1)));
            }
        }
        return Optional.empty();
    }

    public static QueueActivity evolve(ItemKey key, Optional<QueueActivity> current, DomainEvent event) {
        QueueActivity activity = current.orElseGet(() -> QueueActivity.none(key));
        String action = EventTypes.of(event).name();
        if (event instanceof QuestionEvent.QuestionAsked e) {
            return activity.from(e.channel(), e.threadRef());
        }
        if (event instanceof ShiftEvent.ShiftHandedOver e) {
            return activity.acted(e.fromMember(), action, e.handedOverAt()).owned(e.toMember(), e.handedOverAt());
        }
        if (event instanceof QuestionEvent.QuestionClaimed e) {
            return activity.acted(e.claimedBy(), action, e.claimedAt()).owned(e.claimedBy(), e.claimedAt());
        }
        if (event instanceof QuestionEvent.QuestionAnswered e) {
            return activity.acted(e.answeredBy(), action, e.answeredAt());
        }
        if (event instanceof QuestionEvent.QuestionClosed e) {
            return activity.acted(e.closedBy(), action, e.closedAt());
        }
        if (event instanceof QuestionEvent.QuestionSnoozed e) {
            return activity.acted(e.snoozedBy(), action, e.snoozedAt()).snoozed(e.until());
        }
        if (event instanceof QuestionEvent.QuestionTurnedIntoIncident e) {
            return activity.acted(e.turnedBy(), action, e.turnedAt());
        }
        if (event instanceof IncidentEvent.IncidentDeclared e) {
            return activity.acted(e.declaredBy(), action, e.declaredAt()).owned(e.declaredBy(), e.declaredAt());
        }
        if (event instanceof IncidentEvent.IncidentAcknowledged e) {
            return activity.acted(e.acknowledgedBy(), action, e.acknowledgedAt());
        }
        if (event instanceof IncidentEvent.IncidentMitigated e) {
            return activity.acted(e.mitigatedBy(), action, e.mitigatedAt());
        }
        if (event instanceof IncidentEvent.IncidentSeverityChanged e) {
            return activity.acted(e.changedBy(), action, e.changedAt());
        }
        if (event instanceof IncidentEvent.IncidentResolved e) {
            return activity.acted(e.resolvedBy(), action, e.resolvedAt());
        }
        return activity;
    }
}
