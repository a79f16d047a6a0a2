package io.commandpost.notification.oncall;

import io.commandpost.events.ShiftEvent;
import io.commandpost.events.ShiftKind;
import io.commandpost.events.TeamEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The rows {@link OnDuty} reads: shifts, their handovers, overrides. Every write is idempotent. */
final class DutyRows {

    /** Shifts read back from the instant asked about: enough to find the covering one and the latest before. */
    private static final int RECENT_SHIFTS = 16;

    private DutyRows() {
    }

    static void shiftStarted(Connection connection, ShiftEvent.ShiftStarted started) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into oncall_shift (team_id, shift_id, kind, member, starts_at, ends_at, planned_member)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (team_id, shift_id) do nothing""")) {
            insert.setString(1, started.teamId());
            insert.setObject(2, started.shiftId());
            insert.setString(3, started.kind().name());
            insert.setString(4, started.member());
            insert.setTimestamp(5, Timestamp.from(started.startsAt()));
            insert.setTimestamp(6, started.endsAt() == null ? null : Timestamp.from(started.endsAt()));
            insert.setString(7, started.planned());
            insert.executeUpdate();
        }
    }

    static void handedOver(Connection connection, ShiftEvent.ShiftHandedOver handedOver) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into oncall_shift_handover (handover_id, team_id, shift_id, to_team_id, to_member, handed_over_at)
                values (?, ?, ?, ?, ?, ?) on conflict (handover_id) do nothing""")) {
            insert.setObject(1, handedOver.handoverId());
            insert.setString(2, handedOver.teamId());
            insert.setObject(3, handedOver.shiftId());
            insert.setString(4, handedOver.toTeamId());
            insert.setString(5, handedOver.toMember());
            insert.setTimestamp(6, Timestamp.from(handedOver.handedOverAt()));
            insert.executeUpdate();
        }
    }

    static void overrideRecorded(Connection connection, TeamEvent.OverrideRecorded recorded) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into oncall_override (override_id, team_id, kind, add_member, remove_member, starts_at, ends_at,
                    recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (override_id) do nothing""")) {
            insert.setObject(1, recorded.overrideId());
            insert.setString(2, recorded.teamId());
            insert.setString(3, recorded.kind() == null ? null : recorded.kind().name());
            insert.setString(4, recorded.addMember());
            insert.setString(5, recorded.removeMember());
            insert.setTimestamp(6, Timestamp.from(recorded.start()));
            insert.setTimestamp(7, Timestamp.from(recorded.end()));
            insert.setTimestamp(8, Timestamp.from(recorded.recordedAt()));
            insert.executeUpdate();
        }
    }

    static void partnerSet(Connection connection, TeamEvent.PartnerTeamSet set) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update oncall_team set partner_team_id = ? where team_id = ?")) {
            update.setString(1, set.partnerTeamId());
            update.setString(2, set.teamId());
            update.executeUpdate();
        }
    }

    static void overrideCancelled(Connection connection, TeamEvent.OverrideCancelled cancelled) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from oncall_override where override_id = ?")) {
            delete.setObject(1, cancelled.overrideId());
            delete.executeUpdate();
        }
    }

    static List<OnDuty.Shift> shifts(Connection connection, String team, Instant at) throws SQLException {
        return shifts(connection, "starts_at <= ? order by starts_at desc", team, at, RECENT_SHIFTS);
    }

    /** The first {@code limit} shifts starting after {@code after}, earliest first. */
    static List<OnDuty.Shift> shiftsAfter(Connection connection, String team, Instant after, int limit)
            throws SQLException {
        return shifts(connection, "starts_at > ? order by starts_at", team, after, limit);
    }

    private static List<OnDuty.Shift> shifts(Connection connection, String startsAndOrder, String team, Instant at,
                                             int limit) throws SQLException {
        List<OnDuty.Shift> shifts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select shift_id, kind, coalesce(planned_member, member), starts_at, ends_at from oncall_shift
                where team_id = ? and\s""" + startsAndOrder + " limit ?")) {
            select.setString(1, team);
            select.setTimestamp(2, Timestamp.from(at));
            select.setInt(3, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Timestamp ends = rs.getTimestamp(5);
                    shifts.add(new OnDuty.Shift(rs.getObject(1, UUID.class), ShiftKind.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getTimestamp(4).toInstant(), ends == null ? null : ends.toInstant()));
                }
            }
        }
        return shifts;
    }

    static List<OnDuty.ShiftHandover> handovers(Connection connection, String team, Instant at) throws SQLException {
        List<OnDuty.ShiftHandover> handovers = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select shift_id, to_team_id, to_member, handed_over_at from oncall_shift_handover
                where team_id = ? and handed_over_at <= ? order by handed_over_at desc limit 64""")) {
            select.setString(1, team);
            select.setTimestamp(2, Timestamp.from(at));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    handovers.add(new OnDuty.ShiftHandover(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getString(3), rs.getTimestamp(4).toInstant()));
                }
            }
        }
        return handovers;
    }

    /** The overrides not over at {@code from}: those in force then and every later one. */
    static List<OnDuty.Override> overridesFrom(Connection connection, String team, Instant from) throws SQLException {
        return overrides(connection, team, "ends_at > ?", from);
    }

    static List<OnDuty.Override> overrides(Connection connection, String team, Instant at) throws SQLException {
        return overrides(connection, team, "starts_at <= ? and ends_at > ?", at, at);
    }

    private static List<OnDuty.Override> overrides(Connection connection, String team, String when, Instant... at)
            throws SQLException {
        List<OnDuty.Override> overrides = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select kind, add_member, remove_member, starts_at, ends_at, recorded_at from oncall_override
                where team_id = ?""" + " and " + when)) {
            select.setString(1, team);
            for (int i = 0; i < at.length; i++) {
                select.setTimestamp(i + 2, Timestamp.from(at[i]));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(1);
                    overrides.add(new OnDuty.Override(kind == null ? null : ShiftKind.valueOf(kind), rs.getString(2),
                            rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                            rs.getTimestamp(6).toInstant()));
                }
            }
        }
        return overrides;
    }
}
