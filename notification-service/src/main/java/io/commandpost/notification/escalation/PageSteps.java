package io.commandpost.notification.escalation;

import io.agroal.api.AgroalDataSource;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventJson;
import io.commandpost.events.FloodEvent;
import io.commandpost.events.PagingEvent.EscalationStepPaged;
import io.commandpost.notification.config.NotifyConfig;
import io.commandpost.notification.contact.ContactBook;
import io.commandpost.notification.contact.NotificationRules;
import io.commandpost.notification.delivery.DelayedPages;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.Notifications;
import io.commandpost.notification.delivery.PageAlert;
import io.commandpost.notification.delivery.PageChannel;
import io.commandpost.notification.oncall.OnCallDirectory;
import io.commandpost.notification.flood.FloodCommand;
import io.commandpost.notification.flood.FloodGate;
import io.commandpost.notification.oncall.Recipient;
import io.commandpost.platform.command.CommandHandler;
import io.commandpost.platform.command.Expected;
import io.commandpost.platform.command.Handled;
import io.commandpost.platform.eventing.EventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns an escalation step into deliveries, once per step event whichever path sees it first (the paging
 * consumer right after deciding, or the step consumer for steps the timers decided): one page per person the
 * step's targets name, each through that person's flood control ({@link FloodAggregate}), created only through
 * the delivery package's {@link Notifications}.
 */
@ApplicationScoped
public class PageSteps {

    private static final Logger LOG = Logger.getLogger(PageSteps.class);
    static final String ON_DUTY_UNKNOWN = "on-duty";

    /** The step a page belongs to. */
    public record StepRef(String streamId, int occurrence, int step, int round) {
    }

    private final AgroalDataSource dataSource;
    private final Notifications notifications;
    private final OnCallDirectory onCall;
    private final Clock clock;
    private final Duration grace;
    private final CommandHandler handler;
    private final FloodAggregate flood;
    private final ContactBook contacts;
    private final DelayedPages delayed;
    private final List<PageChannel> channels;

    PageSteps(AgroalDataSource dataSource, Notifications notifications, OnCallDirectory onCall, Clock clock,
              NotifyConfig config, CommandHandler handler, FloodAggregate flood, ContactBook contacts,
              DelayedPages delayed, Instance<PageChannel> channels) {
        this.contacts = contacts;
        this.delayed = delayed;
        this.channels = channels.stream().toList();
        this.handler = handler;
        this.flood = flood;
        this.dataSource = dataSource;
        this.notifications = notifications;
        this.onCall = onCall;
        this.clock = clock;
        this.grace = config.resolve().grace();
    }

    /**
     * Creates the step's pages unless they exist, each through the person's flood control; {@code alert} is what
     * the pages show of the alert, {@code group} its Alertmanager group (groupKey and request), or null.
     */
    public void deliver(EventEnvelope envelope, EscalationStepPaged step, PageAlert alert, String group) {
        if (!claim(envelope, step)) {
            return;
        }
        Instant now = clock.instant();
        UUID triggeredBy = envelope.causationId() != null ? envelope.causationId() : envelope.eventId();
        for (Map.Entry<String, Recipient> target : recipients(step).entrySet()) {
            UUID id = UUID.nameUUIDFromBytes(("page:" + envelope.eventId() + ":" + target.getKey())
                    .getBytes(StandardCharsets.UTF_8));
            Recipient recipient = target.getValue();
            if (recipient == null) { // the on-duty person is not known yet: the webhook page resolves them later
                notifications.insert(Notification.page(id, step.team(), null, alert, triggeredBy,
                        envelope.correlationId(), now, now.plus(grace)));
                link(id, envelope.eventId());
                continue;
            }
            if (!sendsNow(step.team(), recipient.handle(), alert, group, id, envelope)) {
                continue; // held for the person's follow-up, or part of a group page already sent
            }
            deliverByRules(envelope, step, alert, recipient, id, triggeredBy, now);
        }
        if (step.targets().stream().anyMatch(t -> EscalationPolicy.target(t) instanceof EscalationPolicy.TeamChannel)) {
            List<PageChannel> reaching = channels.stream().filter(c -> c.reachesTeam(step.team())).toList();
            if (reaching.isEmpty()) {
                LOG.warnf("alert %s of %s: step %d names the team channel, but no channel reaches it (no Slack "
                        + "channel set up for the team)", step.dedupKey(), step.team(), step.step() + 1);
            }
            for (PageChannel channel : reaching) {
                insertThrough(channel, envelope, Notification.TEAM_CHANNEL_RECIPIENT, step,
                        Notification.teamChannelRecipient(), alert, triggeredBy, now);
            }
        }
    }

    /**
     * One delivery per notification rule of the person ({@link ContactBook}): those at once are due now, the later
     * ones wait in the delivery table and are dropped at their due time if the occurrence was acknowledged or
     * resolved meanwhile ({@link DelayedPages}). The page webhook at once keeps the page's historical id. Only the
     * person's first delivery counts for the step: if it fails for good, the escalation moves on.
     */
    private void deliverByRules(EventEnvelope envelope, EscalationStepPaged step, PageAlert alert, Recipient person,
                                UUID webhookId, UUID triggeredBy, Instant now) {
        boolean linked = false;
        for (NotificationRules.Planned planned : contacts.plan(step.team(), person)) {
            boolean atOnceOnWebhook = planned.afterMinutes() == 0 && NotificationRules.WEBHOOK.equals(planned.method());
            UUID id = atOnceOnWebhook ? webhookId : UUID.nameUUIDFromBytes(("page:" + envelope.eventId() + ":"
                    + person.handle() + ":" + planned.method()
                    + (planned.afterMinutes() == 0 ? "" : ":" + planned.afterMinutes())).getBytes(StandardCharsets.UTF_8));
            Instant due = now.plus(Duration.ofMinutes(planned.afterMinutes()));
            Notification page = NotificationRules.WEBHOOK.equals(planned.method()) && planned.afterMinutes() == 0
                    ? Notification.page(id, step.team(), planned.recipient(), alert, triggeredBy,
                    envelope.correlationId(), now, now.plus(grace))
                    : Notification.pageOn(id, planned.method(), step.team(), planned.recipient(), alert, triggeredBy,
                    envelope.correlationId(), now, due);
            if (!planned.deliverable()) {
                page = page.skipped(planned.skipReason(), now);
                LOG.infof("alert %s of %s: %s page to %s recorded SKIPPED: %s", step.dedupKey(), step.team(),
                        planned.method(), person.handle(), planned.skipReason());
            }
            if (!notifications.insert(page)) {
                continue;
            }
            if (planned.afterMinutes() > 0) {
                delayed.unlessAcknowledged(id, step.team(), step.dedupKey(), step.occurrence());
            }
            if (!linked && planned.deliverable()) {
                link(id, envelope.eventId());
                linked = true;
            }
        }
    }

    private void insertThrough(PageChannel channel, EventEnvelope envelope, String key, EscalationStepPaged step,
                               Recipient recipient, PageAlert alert, UUID triggeredBy, Instant now) {
        UUID id = UUID.nameUUIDFromBytes(("page:" + envelope.eventId() + ":" + key + ":" + channel.channel())
                .getBytes(StandardCharsets.UTF_8));
        notifications.insert(Notification.page(id, channel.channel(), step.team(), recipient, alert, triggeredBy,
                envelope.correlationId(), now, now.plus(grace)));
        link(id, envelope.eventId());
    }

    /** The follow-up page of a person's flood window: names how many alerts and which. */
    public void deliverFollowUp(EventEnvelope envelope, FloodEvent.FloodFollowUpSent followUp) {
        Instant now = clock.instant();
        Recipient recipient = onCall.member(followUp.team(), followUp.person())
                .orElse(new Recipient(followUp.person(), null, null, null));
        PageAlert summary = new PageAlert("follow-up/" + followUp.pageId(), null, followUp.text(), followUp.sentAt(),
                java.util.List.of());
        notifications.insert(Notification.page(followUp.pageId(), followUp.team(), recipient, summary,
                envelope.eventId(), envelope.correlationId(), now, now.plus(grace)));
        // in Slack too when the person is paged there at once: with buttons that act on every alert it folds
        contacts.plan(followUp.team(), recipient).stream()
                .filter(p -> NotificationRules.SLACK.equals(p.method()) && p.afterMinutes() == 0 && p.deliverable())
                .findFirst().ifPresent(bySlack -> {
                    ObjectNode folded = EventJson.mapper().createObjectNode();
                    ArrayNode keys = folded.putArray(Notification.FOLDED_KEYS);
                    followUp.dedupKeys().forEach(keys::add);
                    notifications.insert(Notification.followUpOn(followUpIdOn(followUp.pageId(), Notification.SLACK),
                            Notification.SLACK, followUp.team(), bySlack.recipient(), summary, folded,
                            envelope.eventId(), envelope.correlationId(), now));
                });
    }

    /** The id of a follow-up's delivery through another channel than the webhook. */
    public static UUID followUpIdOn(UUID pageId, String channel) {
        return UUID.nameUUIDFromBytes(("follow-up:" + pageId + ":" + channel).getBytes(StandardCharsets.UTF_8));
    }

    private boolean sendsNow(String team, String person, PageAlert alert, String group, UUID pageId,
                             EventEnvelope cause) {
        Handled<?> handled = handler.handle(flood, FloodEvent.streamId(team, person, Notification.CHANNEL),
                new FloodCommand(team, person, Notification.CHANNEL,
                        new FloodGate.Request(alert.dedupKey(), alert.summary(), group), pageId),
                Expected.ANY, EventMetadata.causedBy(cause));
        return handled.appended().stream().anyMatch(e -> e.event().orElse(null) instanceof FloodEvent.FloodPageSent);
    }

    /** Whether the step event's pages were made already (by whichever path saw it first). */
    public boolean delivered(UUID stepEventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select 1 from page_step where step_event_id = ?")) {
            select.setObject(1, stepEventId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read step " + stepEventId, e);
        }
    }

    /** The step a page was made for, if it was made for one. */
    public Optional<StepRef> stepOf(UUID notificationId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select s.stream_id, s.occurrence, s.step, s.round from page_step_delivery d
                     join page_step s on s.step_event_id = d.step_event_id where d.notification_id = ?""")) {
            select.setObject(1, notificationId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new StepRef(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the step of page " + notificationId, e);
        }
    }

    /** Who the step pages, by handle; the on-duty person may not be known yet (resolved at delivery time). */
    private Map<String, Recipient> recipients(EscalationStepPaged step) {
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        for (String name : step.targets()) {
            EscalationPolicy.Target target = EscalationPolicy.target(name);
            if (target instanceof EscalationPolicy.OnDuty) {
                // everyone on duty: an "add only" override puts a second person beside the shift's (as in GoAlert)
                List<Recipient> onDuty = onCall.allOnDutyAt(step.team(), clock.instant());
                if (onDuty.isEmpty()) {
                    recipients.put(ON_DUTY_UNKNOWN, null);
                }
                onDuty.forEach(person -> recipients.put(person.handle(), person));
            } else if (target instanceof EscalationPolicy.Members members) {
                for (String handle : members.handles()) {
                    recipients.put(handle, onCall.member(step.team(), handle)
                            .orElse(new Recipient(handle, null, null, null)));
                }
            } else if (target instanceof EscalationPolicy.PartnerOnDuty) {
                List<Recipient> partner = onCall.partnerTeam(step.team())
                        .map(team -> onCall.allOnDutyAt(team, clock.instant())).orElse(List.of());
                partner.forEach(person -> recipients.put("partner:" + person.handle(), person));
                if (partner.isEmpty()) {
                    LOG.warnf("alert %s of %s: step %d names the partner team's on-duty person, but %s",
                            step.dedupKey(), step.team(), step.step() + 1, "no partner team or nobody on duty there");
                }
            } else if (target instanceof EscalationPolicy.EveryMember) {
                onCall.members(step.team()).forEach(member -> recipients.put(member.handle(), member));
            } else if (!(target instanceof EscalationPolicy.TeamChannel)) { // the team channel: see deliver
                LOG.warnf("alert %s of %s: step %d target %s is not delivered yet", step.dedupKey(), step.team(),
                        step.step() + 1, name);
            }
        }
        return recipients;
    }

    private boolean claim(EventEnvelope envelope, EscalationStepPaged step) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into page_step (step_event_id, stream_id, occurrence, step, round, created_at)
                     values (?, ?, ?, ?, ?, ?) on conflict (step_event_id) do nothing""")) {
            insert.setObject(1, envelope.eventId());
            insert.setString(2, step.aggregateId());
            insert.setInt(3, step.occurrence());
            insert.setInt(4, step.step());
            insert.setInt(5, step.round());
            insert.setTimestamp(6, Timestamp.from(clock.instant()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record step " + envelope.eventId(), e);
        }
    }

    private void link(UUID notificationId, UUID stepEventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into page_step_delivery (notification_id, step_event_id) values (?, ?)
                     on conflict (notification_id) do nothing""")) {
            insert.setObject(1, notificationId);
            insert.setObject(2, stepEventId);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot link page " + notificationId, e);
        }
    }
}
