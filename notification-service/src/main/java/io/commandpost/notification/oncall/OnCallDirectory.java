package io.commandpost.notification.oncall;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads the on-call projection: who to page for a team right now. */
@ApplicationScoped
public class OnCallDirectory {

    private final AgroalDataSource dataSource;

    OnCallDirectory(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The team's current MRO with their contact details (null details when the team was not seen yet). */
    public Optional<Recipient> currentMro(String team) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select mro.member, m.display_name, m.email, m.slack_user_id
                     from oncall_mro mro
                     left join oncall_member m on m.team_id = mro.team_id and m.handle = mro.member
                     where mro.team_id = ?""")) {
            select.setString(1, team);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the MRO of " + team, e);
        }
    }
}
