package io.commandpost.ingest.slack.command;

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

/** Which incident each Slack channel runs: the last one declared there through {@code /incident declare}. */
@ApplicationScoped
public class SlackIncidentChannels {

    private final AgroalDataSource dataSource;

    SlackIncidentChannels(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void run(String channelId, UUID incidentId, String team, Instant declaredAt) {
        execute("""
                insert into slack_incident_channel (channel_id, incident_id, team, declared_at) values (?, ?, ?, ?)
                on conflict (channel_id) do update set incident_id = excluded.incident_id, team = excluded.team,
                    declared_at = excluded.declared_at""", channelId, incidentId, team, Timestamp.from(declaredAt));
    }

    public Optional<UUID> incidentOf(String channelId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select incident_id from slack_incident_channel where channel_id = ?")) {
            select.setString(1, channelId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the incident of channel " + channelId, e);
        }
    }

    /** The channel's incident was resolved: it runs none. */
    public void free(String channelId, UUID incidentId) {
        execute("delete from slack_incident_channel where channel_id = ? and incident_id = ?", channelId, incidentId);
    }

    private void execute(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the incident of a Slack channel", e);
        }
    }
}
