package io.commandpost.notification.oncall;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Reads the on-call projection: who is on duty for a team at an instant, and the facts announcements quote. */
@ApplicationScoped
public class OnCallDirectory implements OnCallLookup {

    private final AgroalDataSource dataSource;
    private final Clock clock;

    OnCallDirectory(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Who is on duty for the team now ({@link OnDuty}: either shift kind, handovers, follow-the-sun, overrides),
     * with contact details (null details when the member was not seen yet).
     */
    @Override
    public Optional<Recipient> currentMro(String team) {
        return onDutyAt(team, clock.instant());
    }

    /** Who is on duty for the team at {@code at}; a follow-the-sun handover answers with the partner's person. */
    public Optional<Recipient> onDutyAt(String team, Instant at) {
        return onDutyAt(team, at, 0);
    }

    private Optional<Recipient> onDutyAt(String team, Instant at, int depth) {
        Optional<OnDuty.Answer> answer;
        try (Connection connection = dataSource.getConnection()) {
            answer = OnDuty.at(team, DutyRows.shifts(connection, team, at), DutyRows.handovers(connection, team, at),
                    DutyRows.overrides(connection, team, at), at);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read who is on duty for " + team, e);
        }
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        if (answer.get() instanceof OnDuty.Partner partner) {
            // the partner's own follow-the-sun handover is not followed further: two teams never page in a loop
            return depth > 0 ? Optional.empty() : onDutyAt(partner.partnerTeam(), at, depth + 1);
        }
        String handle = ((OnDuty.Member) answer.get()).member();
        return Optional.of(member(team, handle).orElse(new Recipient(handle, null, null, null)));
    }

    /** The team's follow-the-sun partner team, if one was set. */
    public Optional<String> partnerTeam(String team) {
        return one("select partner_team_id from oncall_team where team_id = ?", "the partner of " + team,
                rs -> rs.getString(1), team);
    }

    @Override
    public Optional<Recipient> member(String team, String handle) {
        return one("select handle, display_name, email, slack_user_id from oncall_member where team_id = ? and handle = ?",
                "member " + handle + " of " + team, OnCallDirectory::recipient, team, handle);
    }

    /** Every member of the team the projection knows, by handle. */
    public java.util.List<Recipient> members(String team) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select handle, display_name, email, slack_user_id from oncall_member where team_id = ? order by handle")) {
            select.setString(1, team);
            java.util.List<Recipient> members = new java.util.ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    members.add(recipient(rs));
                }
            }
            return members;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the members of " + team, e);
        }
    }

    @Override
    public Optional<String> teamName(String team) {
        return one("select name from oncall_team where team_id = ?", "team " + team, rs -> rs.getString(1), team);
    }

    @Override
    public Optional<Handover> handover(UUID handoverId) {
        return one("""
                select handover_id, team_id, from_member, to_team_id, to_member, notes, open_items, accept_by, accepted_at
                from oncall_handover where handover_id = ?""", "handover " + handoverId,
                rs -> new Handover(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), (Integer) rs.getObject(7), instant(rs.getTimestamp(8)),
                        instant(rs.getTimestamp(9))),
                handoverId);
    }

    @Override
    public Optional<java.time.ZoneId> timeZone(String team) {
        return one("select time_zone from oncall_team where team_id = ? and time_zone is not null", "team " + team,
                rs -> java.time.ZoneId.of(rs.getString(1)), team);
    }

    @Override
    public Optional<Recipient> nightDutyStarting(String team, Instant from, Instant to) {
        return one("""
                select member from oncall_shift where team_id = ? and kind = 'NIGHT_DUTY' and starts_at >= ?
                    and starts_at < ? order by starts_at desc limit 1""", "the night duty of " + team,
                rs -> rs.getString(1), team, Timestamp.from(from), Timestamp.from(to))
                .flatMap(handle -> member(team, handle).or(() -> Optional.of(new Recipient(handle, null, null, null))));
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> one(String sql, String what, Row<T> row, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                select.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + what, e);
        }
    }

    private static Recipient recipient(ResultSet rs) throws SQLException {
        return new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
