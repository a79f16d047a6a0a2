package io.commandpost.notification.announce;

import com.fasterxml.jackson.databind.JsonNode;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.events.Topics;
import io.commandpost.notification.config.NotifyConfig;
import io.commandpost.notification.contact.ContactBook;
import io.commandpost.notification.contact.TeamChannels;
import io.commandpost.notification.delivery.DeliveryKind;
import io.commandpost.notification.delivery.Notification;
import io.commandpost.notification.delivery.Notifications;
import io.commandpost.notification.delivery.PageChannel;
import io.commandpost.notification.delivery.WebhookSender;
import io.commandpost.platform.eventing.EventConsumer;
import io.commandpost.platform.eventing.EventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Queues the rotation's announcements and reminders: the start-of-day MRO message with the overnight
 * digest, rest-rule changes, and reminders to accept an overdue handover. Their text is rendered by
 * the delivery worker from the on-call projection, which this consumer does not wait for (it reads
 * the same topics in another consumer group). One delivery per source event id, whatever the replays.
 */
@ApplicationScoped
public class AnnouncementConsumer implements EventConsumer {

    private static final Logger LOG = Logger.getLogger(AnnouncementConsumer.class);

    private final Notifications notifications;
    private final Instance<PageChannel> channels;
    private final WebhookSender sender;
    private final Clock clock;
    private final Duration grace;
    private final boolean emailEnabled;
    private final ContactBook contacts;

    AnnouncementConsumer(Notifications notifications, WebhookSender sender, Clock clock, NotifyConfig config,
                         ContactBook contacts, Instance<PageChannel> channels) {
        this.notifications = notifications;
        this.channels = channels;
        this.sender = sender;
        this.clock = clock;
        this.grace = config.resolve().grace();
        this.emailEnabled = config.email().enabled();
        this.contacts = contacts;
    }

    @Override
    public String name() {
        return "announcements";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.SHIFTS);
    }

    @Override
    public void handle(EventEnvelope envelope) {
        Optional<DomainEvent> event = envelope.event();
        if (event.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (event.get() instanceof ShiftEvent.ShiftStarted started && started.kind() == ShiftKind.MRO_DAY) {
            if (AnnouncementRules.announcesShift(started, now)) {
                queue(morningIdFor(started), envelope, DeliveryKind.ANNOUNCEMENT, started.teamId(), Subjects.SHIFT,
                        Subjects.idOf(started), now);
                if (emailEnabled && contacts.channels(started.teamId()).map(TeamChannels::emailList).isPresent()) {
                    alsoByEmail(morningIdFor(started), envelope, DeliveryKind.ANNOUNCEMENT, started.teamId(),
                            Subjects.SHIFT, Subjects.idOf(started), now);
                }
            } else {
                LOG.infof("no start-of-day message for shift %s of %s: it started late and has ended",
                        started.shiftId(), started.teamId());
            }
        } else if (event.get() instanceof ShiftEvent.RestRuleApplied applied) {
            queue(notificationIdFor(DeliveryKind.ANNOUNCEMENT, envelope.eventId()), envelope,
                    DeliveryKind.ANNOUNCEMENT, applied.teamId(), Subjects.REST_RULE, Subjects.idOf(applied),
                    now);
        } else if (event.get() instanceof ShiftEvent.HandoverAcceptanceOverdue overdue) {
            String receiverTeam = overdue.toTeamId() == null ? overdue.teamId() : overdue.toTeamId();
            queue(notificationIdFor(DeliveryKind.REMINDER, envelope.eventId()), envelope, DeliveryKind.REMINDER,
                    receiverTeam, Subjects.HANDOVER, Subjects.idOf(overdue), now);
            if (emailEnabled) {
                alsoByEmail(notificationIdFor(DeliveryKind.REMINDER, envelope.eventId()), envelope,
                        DeliveryKind.REMINDER, receiverTeam, Subjects.HANDOVER, Subjects.idOf(overdue), now);
            }
        }
    }

    private void queue(UUID notificationId, EventEnvelope envelope, DeliveryKind kind, String team,
                       String subjectType, String subjectId, Instant now) {
        JsonNode subject = envelope.data();
        Notification notification = Notification.about(notificationId, kind, team,
                subjectType, subjectId, subject, envelope.eventId(), EventMetadata.causedBy(envelope).correlationId(),
                now, now.plus(grace));
        if (kind == DeliveryKind.ANNOUNCEMENT && slackReaches(team)) {
            // the team's channel in its Slack workspace (ADR 0021): Block Kit through the Slack API
            notification = notification.onChannel(Notification.SLACK);
        } else if (kind == DeliveryKind.ANNOUNCEMENT && !sender.announcementChannelConfigured()) {
            notification = notification.skipped(AnnouncementRules.NO_CHANNEL, now);
            LOG.warnf("%s %s of %s recorded as SKIPPED: %s", subjectType, subjectId, team, AnnouncementRules.NO_CHANNEL);
        }
        if (!notifications.insert(notification)) {
            LOG.debugf("%s %s of %s is already queued", subjectType, subjectId, team);
        }
    }

    private boolean slackReaches(String team) {
        return channels.stream().anyMatch(channel -> Notification.SLACK.equals(channel.channel())
                && channel.reachesTeam(team));
    }

    /**
     * The same announcement (to the team's email list) or reminder (to the person's address) by email, ADR 0022:
     * rendered by the worker like the original, its id derived from the original's.
     */
    private void alsoByEmail(UUID originalId, EventEnvelope envelope, DeliveryKind kind, String team,
                             String subjectType, String subjectId, Instant now) {
        UUID id = UUID.nameUUIDFromBytes(("email:" + originalId).getBytes(StandardCharsets.UTF_8));
        Notification byEmail = Notification.about(originalId, kind, team, subjectType, subjectId, envelope.data(),
                envelope.eventId(), EventMetadata.causedBy(envelope).correlationId(), now, now.plus(grace))
                .through(id, Notification.EMAIL);
        if (!notifications.insert(byEmail)) {
            LOG.debugf("%s %s of %s by email is already queued", subjectType, subjectId, team);
        }
    }

    /**
     * One 09:00 announcement per team and day (ADR 0021), whichever replica, event or shift asks for it: the
     * id is derived from the team and the UTC date of the shift's start, and the insert keeps the first.
     */
    static UUID morningIdFor(ShiftEvent.ShiftStarted started) {
        return UUID.nameUUIDFromBytes(("announcement:morning:" + started.teamId() + ":"
                + LocalDate.ofInstant(started.startsAt(), ZoneOffset.UTC)).getBytes(StandardCharsets.UTF_8));
    }

    /** Derived from the source event, so a replay of the same event cannot queue a second delivery. */
    static UUID notificationIdFor(DeliveryKind kind, UUID sourceEventId) {
        return UUID.nameUUIDFromBytes((kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + sourceEventId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
