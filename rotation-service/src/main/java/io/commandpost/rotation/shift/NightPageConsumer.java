package io.commandpost.rotation.shift;

import io.commandpost.events.EventEnvelope;
import io.commandpost.events.EventTypes;
import io.commandpost.events.NotificationEvent;
import io.commandpost.events.TeamEvent;
import io.commandpost.events.Topics;
import io.commandpost.platform.command.CommandHandler;
import io.commandpost.platform.command.Expected;
import io.commandpost.platform.command.Versioned;
import io.commandpost.platform.eventing.EventConsumer;
import io.commandpost.platform.eventing.EventMetadata;
import io.commandpost.rotation.duty.DutyPlanner;
import io.commandpost.rotation.nightpage.NightPageStore;
import io.commandpost.rotation.schedule.TeamDuties;
import io.commandpost.rotation.team.Team;
import io.commandpost.rotation.team.TeamAggregate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Rule 2 of issue 4: a page delivered to a member at night (after the team's working day, before
 * the next handoff) means that member rests the next day. The fact is recorded; when it changes
 * the next day's plan, a RestRuleApplied (cause = the notification event) announces it at once.
 * The platform applies each event once per consumer; the natural key of the recorded page and the
 * "already announced" check of the handoffs' decider keep a redelivery from announcing twice. Only the
 * first page to a member in a night is recorded and decided on (the plan needs one): a night of thousands
 * of pages costs the plan one row, not thousands re-read at every page (issue 11). It lives
 * with the handoffs (not in {@code nightpage}, which only stores pages for the plan) so that packages
 * depend one way: shift → schedule → nightpage.
 */
@ApplicationScoped
public class NightPageConsumer implements EventConsumer {

    private static final Logger LOG = Logger.getLogger(NightPageConsumer.class);
    private static final String SENT = EventTypes.of(NotificationEvent.NotificationSent.class).name();

    private final TeamAggregate teams;
    private final NightPageStore pages;
    private final CommandHandler handler;
    private final HandoffAggregate handoffs;
    private final Clock clock;

    NightPageConsumer(TeamAggregate teams, NightPageStore pages, CommandHandler handler, HandoffAggregate handoffs,
                      Clock clock) {
        this.teams = teams;
        this.pages = pages;
        this.handler = handler;
        this.handoffs = handoffs;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "night-pages";
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.NOTIFICATIONS);
    }

    /** Only delivered pages; the rest of the notifications topic (steps, flood, failures) is skipped unread. */
    @Override
    public boolean accepts(String eventType) {
        return SENT.equals(eventType);
    }

    /** Off the page path: a rest day is decided hours ahead, so pages may be applied in batches. */
    @Override
    public boolean mayWait() {
        return true;
    }

    @Override
    public void handle(EventEnvelope envelope) {
        // only a page about an alert interrupts a night; reminders and announcements do not
        if (!(envelope.event().orElse(null) instanceof NotificationEvent.NotificationSent sent) || sent.team() == null
                || !"alert".equals(sent.subjectType())) {
            return;
        }
        // the team alone says whether the page fell in a night: no plan (shift stream, night pages) is read for
        // a page by day, nor for a page to someone already paged that night (one per member and rest day counts)
        Optional<Team> found = teams.find(sent.team()).map(Versioned::state);
        if (found.isEmpty()) {
            return;
        }
        Team team = found.get();
        Optional<String> member = memberOf(team, sent.recipient());
        Optional<LocalDate> restDay = DutyPlanner.restDayAfterPage(TeamDuties.timeline(team), sent.sentAt());
        if (member.isEmpty() || restDay.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        boolean recorded = pages.record(new NightPageStore.NightPage(envelope.eventId(), team.id(), member.get(),
                sent.sentAt(), restDay.get(), sent.notificationId(), now));
        if (!recorded) {
            return; // this event, or an earlier page to the member in the same night: the plan has it already
        }
        // the recorded page is in the plan the handoffs' decider reads, in this transaction
        var handled = handler.handle(handoffs, team.id(), new ShiftCommand.AnnounceRestAfterNightPage(team.id(),
                member.get(), restDay.get(), envelope.eventId()), Expected.ANY, EventMetadata.causedBy(envelope));
        if (handled.changed()) {
            LOG.infof("team %s: %s was paged at night and rests on %s", team.id(), member.get(), restDay.get());
        }
    }

    /** The member a notification reached: the recipient is a handle, an email or a Slack user id. */
    static Optional<String> memberOf(Team team, String recipient) {
        if (recipient == null) {
            return Optional.empty();
        }
        return team.members().stream()
                .filter(m -> recipient.equals(m.handle()) || recipient.equalsIgnoreCase(String.valueOf(m.email()))
                        || recipient.equals(m.slackUserId()))
                .map(TeamEvent.Member::handle).findFirst();
    }
}
