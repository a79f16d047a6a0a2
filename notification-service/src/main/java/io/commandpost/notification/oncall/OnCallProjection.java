package io.commandpost.notification.oncall;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.commandpost.events.EventJson;
import io.commandpost.events.DomainEvent;
import io.commandpost.events.EventEnvelope;
import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.events.TeamEvent;
import io.commandpost.events.Topics;
import io.commandpost.notification.teamview.TeamViews;
import io.commandpost.platform.eventing.Projection;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Teams, members' contact details, each team's current MRO and the handovers, from TEAMS and SHIFTS
 * events only, so that paging and announcements never call rotation-service. The MRO_DAY shift with
 * the latest startsAt wins whatever order the events arrive in (ties broken by shift id), and a
 * handover row merges ShiftHandedOver and ShiftHandoverAccepted in either order, so a rebuild equals
 * the live rows.
 */
@ApplicationScoped
public class OnCallProjection implements Projection {

    public static final String NAME = "on-call";

    private final AgroalDataSource dataSource;
    private final TeamViews views;

    OnCallProjection(AgroalDataSource dataSource, TeamViews views) {
        this.dataSource = dataSource;
        this.views = views;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Collection<String> topics() {
        return List.of(Topics.TEAMS, Topics.SHIFTS);
    }

    @Override
    public void handle(EventEnvelope envelope) {
        Optional<DomainEvent> event = envelope.event();
        if (event.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (event.get() instanceof TeamEvent.TeamCreated created) {
                upsertTeam(connection, created);
                upsertMembers(connection, created.teamId(), created.members());
            } else if (event.get() instanceof TeamEvent.MemberAdded added) {
                upsertMembers(connection, added.teamId(), List.of(added.member()));
            } else if (event.get() instanceof TeamEvent.MemberUpdated updated) {
                upsertMembers(connection, updated.teamId(), List.of(updated.member()));
            } else if (event.get() instanceof ShiftEvent.ShiftStarted started) {
                DutyRows.shiftStarted(connection, started);
                if (started.kind() == ShiftKind.MRO_DAY) {
                    upsertMro(connection, started);
                }
            } else if (event.get() instanceof ShiftEvent.ShiftHandedOver handedOver) {
                handOver(connection, handedOver);
                HandoverRows.handedOver(connection, handedOver);
                DutyRows.handedOver(connection, handedOver);
            } else if (event.get() instanceof TeamEvent.PartnerTeamSet partner) {
                DutyRows.partnerSet(connection, partner);
            } else if (event.get() instanceof TeamEvent.OverrideRecorded recorded) {
                DutyRows.overrideRecorded(connection, recorded);
            } else if (event.get() instanceof TeamEvent.OverrideCancelled cancelled) {
                DutyRows.overrideCancelled(connection, cancelled);
            } else if (event.get() instanceof ShiftEvent.ShiftHandoverAccepted accepted) {
                HandoverRows.accepted(connection, accepted);
                return; // handovers by id are read from their rows, not from the team's view
            } else {
                return;
            }
            // what paging keeps of the team in memory is loaded again (on every replica) from this commit on
            views.changed(connection, event.get() instanceof TeamEvent team ? team.teamId()
                    : ((ShiftEvent) event.get()).teamId());
        } catch (SQLException e) {
            throw new IllegalStateException("on-call projection failed at " + envelope.eventType(), e);
        }
    }

    @Override
    public void reset() {
        try (Connection connection = dataSource.getConnection()) {
            for (String table : List.of("oncall_member", "oncall_mro", "oncall_team", "oncall_handover",
                    "oncall_shift", "oncall_shift_handover", "oncall_override")) {
                try (PreparedStatement delete = connection.prepareStatement("delete from " + table)) {
                    delete.executeUpdate();
                }
            }
            views.allChanged(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reset the on-call projection", e);
        }
    }

    private static void upsertTeam(Connection connection, TeamEvent.TeamCreated created) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into oncall_team (team_id, name, time_zone) values (?, ?, ?)
                on conflict (team_id) do update set name = excluded.name, time_zone = excluded.time_zone""")) {
            upsert.setString(1, created.teamId());
            upsert.setString(2, created.name());
            upsert.setString(3, created.timeZone());
            upsert.executeUpdate();
        }
    }

    /** Members are keyed by team and handle; a later event about the same member replaces its details. */
    private static void upsertMembers(Connection connection, String teamId, List<TeamEvent.Member> members)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into oncall_member (team_id, handle, display_name, email, slack_user_id, time_zone, skills)
                values (?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (team_id, handle) do update set display_name = excluded.display_name,
                    email = excluded.email, slack_user_id = excluded.slack_user_id, time_zone = excluded.time_zone,
                    skills = excluded.skills""")) {
            for (TeamEvent.Member member : members) {
                upsert.setString(1, teamId);
                upsert.setString(2, member.handle());
                upsert.setString(3, member.displayName());
                upsert.setString(4, member.email());
                upsert.setString(5, member.slackUserId());
                upsert.setString(6, member.timeZone());
                upsert.setString(7, json(member.skills()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static String json(List<String> values) {
        try {
            return EventJson.mapper().writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void upsertMro(Connection connection, ShiftEvent.ShiftStarted started) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into oncall_mro (team_id, shift_id, member, starts_at, ends_at) values (?, ?, ?, ?, ?)
                on conflict (team_id) do update set shift_id = excluded.shift_id, member = excluded.member,
                    starts_at = excluded.starts_at, ends_at = excluded.ends_at
                where excluded.starts_at > oncall_mro.starts_at
                   or (excluded.starts_at = oncall_mro.starts_at and excluded.shift_id > oncall_mro.shift_id)""")) {
            upsert.setString(1, started.teamId());
            upsert.setObject(2, started.shiftId());
            upsert.setString(3, started.member());
            upsert.setTimestamp(4, timestamp(started.startsAt()));
            upsert.setTimestamp(5, timestamp(started.endsAt()));
            upsert.executeUpdate();
        }
    }

    /**
     * Within the team, the rest of the current shift now belongs to the member it was handed to. A
     * follow-the-sun handover goes to another team's MRO and leaves this team's MRO as it is.
     */
    private static void handOver(Connection connection, ShiftEvent.ShiftHandedOver handedOver) throws SQLException {
        if (handedOver.toTeamId() != null && !handedOver.toTeamId().equals(handedOver.teamId())) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update oncall_mro set member = ? where team_id = ? and shift_id = ?")) {
            update.setString(1, handedOver.toMember());
            update.setString(2, handedOver.teamId());
            update.setObject(3, handedOver.shiftId());
            update.executeUpdate();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
