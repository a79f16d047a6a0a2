package io.commandpost.notification.paging;

import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventTypes;
import io.commandpost.events.FloodEvent;
import io.commandpost.events.NotificationEvent;
import io.commandpost.events.PagingEvent;
import io.commandpost.events.Topics;
import io.commandpost.notification.delivery.PageAlert;
import io.commandpost.notification.escalation.EscalationCommand;
import io.commandpost.notification.escalation.PageSteps;
import io.commandpost.notification.escalation.PagingAggregate;
import io.commandpost.platform.command.CommandHandler;
import io.commandpost.platform.command.Expected;
import io.commandpost.platform.eventing.EventConsumer;
import io.commandpost.platform.eventing.EventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The other half of escalation, from the notifications topic: a step the timers decided
 * ({@code paging.step-paged}) becomes its pages, and a page that failed for good ({@code notification.failed})
 * moves its alert's escalation to the next step at once, and a flood window's follow-up
 * ({@code flood.follow-up-sent}, decided by a timer or by the next alert) becomes its page.
 */
@ApplicationScoped
public class PageStepConsumer implements EventConsumer {

    private static final Set<String> ACCEPTED = Set.of(EventTypes.of(PagingEvent.EscalationStepPaged.class).name(),
            EventTypes.of(FloodEvent.FloodFollowUpSent.class).name(),
            EventTypes.of(NotificationEvent.NotificationFailed.class).name());

    private final PageSteps steps;
    private final AlertLifecycles lifecycles;
    private final CommandHandler handler;
    private final PagingAggregate paging;

    PageStepConsumer(PageSteps steps, AlertLifecycles lifecycles, CommandHandler handler, PagingAggregate paging) {
        this.steps = steps;
        this.lifecycles = lifecycles;
        this.handler = handler;
        this.paging = paging;
    }

    @Override
    public String name() {
        return "page-steps";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.NOTIFICATIONS);
    }

    /** Steps, follow-ups, failed pages; the rest of the topic (sent pages, flood and escalation records) is unread. */
    @Override
    public boolean accepts(String eventType) {
        return ACCEPTED.contains(eventType);
    }

    @Override
    public void handle(EventEnvelope envelope) {
        Optional<DomainEvent> event = envelope.event();
        if (event.isEmpty()) {
            return;
        }
        if (event.get() instanceof PagingEvent.EscalationStepPaged paged) {
            if (steps.delivered(envelope.eventId())) {
                return; // the paging consumer paged it in the transaction that decided it (every first step)
            }
            Optional<PageAlert> alert = lifecycles.pageAlert(paged.team(), paged.dedupKey());
            // the group travels with the step: a timer's step of a group's alerts is one page too
            alert.ifPresent(shown -> steps.deliver(envelope, paged, shown, paged.group()));
        } else if (event.get() instanceof FloodEvent.FloodFollowUpSent followUp) {
            steps.deliverFollowUp(envelope, followUp);
        } else if (event.get() instanceof NotificationEvent.NotificationFailed failed) {
            steps.stepOf(failed.notificationId()).ifPresent(step -> handler.handle(paging, step.streamId(),
                    new EscalationCommand.DeliveryFailed(step.step(), step.round()), Expected.ANY,
                    EventMetadata.causedBy(envelope)));
        }
    }
}
