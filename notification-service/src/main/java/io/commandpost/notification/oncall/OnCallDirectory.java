package io.commandpost.notification.oncall;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Reads the on-call projection: who to page for a team right now, and the facts announcements quote. */
@ApplicationScoped
public class OnCallDirectory implements OnCallLookup {

    private final AgroalDataSource dataSource;

    OnCallDirectory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The team's current MRO with their contact details (null details when the member was not seen yet). */
    @Override
    public Optional<Recipient> currentMro(String team) {
        return one("""
                select mro.member, m.display_name, m.email, m.slack_user_id
                from oncall_mro mro
                left join oncall_member m on m.team_id = mro.team_id and m.handle = mro.member
                where mro.team_id = ?""", "the MRO of " + team, rs -> recipient(rs), team);
    }

    @Override
    public Optional<Recipient> member(String team, String handle) {
        return one("select handle, display_name, email, slack_user_id from oncall_member where team_id = ? and handle = ?",
                "member " + handle + " of " + team, OnCallDirectory::recipient, team, handle);
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
