package io.commandpost.notification.paging;

import io.commandpost.events.AlertEvent;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.PagingEvent;
import io.commandpost.events.Topics;
import io.commandpost.events.lifecycle.AlertChange;
import io.commandpost.events.lifecycle.AlertLifecycle;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.notification.delivery.PageAlert;
import io.commandpost.notification.escalation.EscalationCommand;
import io.commandpost.notification.escalation.PageSteps;
import io.commandpost.notification.escalation.PagingAggregate;
import io.commandpost.platform.command.CommandHandler;
import io.commandpost.platform.command.Expected;
import io.commandpost.platform.command.Handled;
import io.commandpost.platform.eventing.EventConsumer;
import io.commandpost.platform.eventing.EventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Follows every alert with the shared {@link AlertLifecycle} (tool and person events alike) and tells the
 * alert's paging aggregate what changed: an opened occurrence starts its escalation (the first step pages at
 * once, in this transaction), an acknowledge stops it, a resolve ends it, escalate-now moves it on. The
 * aggregate's own timers page the later steps. Side-effecting, hence a consumer and not a projection.
 */
@ApplicationScoped
public class PagingConsumer implements EventConsumer {

    private static final Logger LOG = Logger.getLogger(PagingConsumer.class);

    private final AlertLifecycles lifecycles;
    private final CommandHandler handler;
    private final PagingAggregate paging;
    private final PageSteps steps;
    private final Clock clock;

    PagingConsumer(AlertLifecycles lifecycles, CommandHandler handler, PagingAggregate paging, PageSteps steps,
                   Clock clock) {
        this.lifecycles = lifecycles;
        this.handler = handler;
        this.paging = paging;
        this.steps = steps;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "paging";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.ALERTS);
    }

    @Override
    public void handle(EventEnvelope envelope) {
        Optional<DomainEvent> event = envelope.event();
        if (event.isEmpty() || !(event.get() instanceof AlertEvent alert)) {
            return;
        }
        lifecycles.lock(alert.team(), alert.dedupKey());
        AlertState before = lifecycles.find(alert.team(), alert.dedupKey()).orElse(null);
        AlertLifecycle.Step step = AlertLifecycle.step(before, alert);
        AlertState after = step.state();
        PageAlert shown = alert instanceof AlertEvent.AlertReceived received && step.change() != AlertChange.LATE_COPY
                ? PageAlert.of(received) : null;
        if (after != null && (!after.equals(before) || shown != null)) {
            lifecycles.save(after, shown, clock.instant());
        }
        Optional<EscalationCommand> command = command(step.change(), after, alert, groupOf(alert, envelope));
        if (command.isEmpty()) {
            LOG.debugf("alert %s of %s: %s", alert.dedupKey(), alert.team(), step.change());
            return;
        }
        Handled<?> handled = handler.handle(paging, PagingEvent.streamId(alert.team(), alert.dedupKey()),
                command.get(), Expected.ANY, EventMetadata.causedBy(envelope));
        PageAlert pageAlert = shown != null ? shown : lifecycles.pageAlert(alert.team(), alert.dedupKey()).orElse(null);
        for (EventEnvelope appended : handled.appended()) {
            if (appended.event().orElse(null) instanceof PagingEvent.EscalationStepPaged paged && pageAlert != null) {
                // the first step pages now, not after a Kafka round trip
                steps.deliver(appended, paged, pageAlert, paged.group());
            }
        }
    }

    /**
     * An Alertmanager group as one request sent it: its groupKey and the request (correlation id), so the
     * alerts of one notification are one page; null for alerts of other sources.
     */
    static String groupOf(AlertEvent alert, EventEnvelope envelope) {
        if (alert instanceof AlertEvent.AlertReceived received && received.details() != null
                && received.details().get("alertmanagerGroup") instanceof java.util.Map<?, ?> group
                && group.get("groupKey") != null) {
            return group.get("groupKey") + "/" + envelope.correlationId();
        }
        return null;
    }

    /** What a lifecycle change means for the escalation; {@code group} the Alertmanager group of an opening firing. */
    static Optional<EscalationCommand> command(AlertChange change, AlertState state, AlertEvent event, String group) {
        return Optional.ofNullable(switch (change) {
            case OPENED, REOPENED -> new EscalationCommand.Open(state.team(), state.dedupKey(), state.occurrence(),
                    group);
            case ACKNOWLEDGED -> new EscalationCommand.Acknowledge(state.acknowledgedBy());
            case UNACKNOWLEDGED -> new EscalationCommand.Unacknowledge(
                    event instanceof AlertEvent.AlertUnacknowledgedBy by ? by.person() : null);
            case RESOLVED -> new EscalationCommand.Resolve(state.resolvedBy());
            case ESCALATED -> new EscalationCommand.EscalateNow(state.escalatedBy());
            default -> null;
        });
    }
}
