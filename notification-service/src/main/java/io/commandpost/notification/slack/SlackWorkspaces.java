package io.commandpost.notification.slack;

import io.commandpost.notification.contact.TeamSlackChannel;
import io.commandpost.platform.security.SecretBox;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Slack workspaces (credentials sealed by {@link SecretBox}) and which workspace and channel each team uses: the
 * one place a team's Slack channel is kept ({@link TeamSlackChannel}, which the team channels API goes through).
 */
@ApplicationScoped
public class SlackWorkspaces implements TeamSlackChannel {

    /** A workspace's app, credentials in clear (never leaves the service). */
    public record Workspace(String slackTeamId, String name, String botToken, String signingSecret, Instant updatedAt) {
    }

    /** Where a team is in Slack. */
    public record TeamChannel(String team, String slackTeamId, String channelId, Instant updatedAt) {
    }

    private final AgroalDataSource dataSource;
    private final SecretBox secrets;

    SlackWorkspaces(AgroalDataSource dataSource, SecretBox secrets) {
        this.dataSource = dataSource;
        this.secrets = secrets;
    }

    /** Creates or replaces a workspace's app; true when it was new. */
    public boolean put(String slackTeamId, String name, String botToken, String signingSecret, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into slack_workspace (slack_team_id, name, bot_token_enc, signing_secret_enc, updated_at)
                     values (?, ?, ?, ?, ?)
                     on conflict (slack_team_id) do update set name = excluded.name,
                         bot_token_enc = excluded.bot_token_enc, signing_secret_enc = excluded.signing_secret_enc,
                         updated_at = excluded.updated_at
                     returning (xmax = 0)""")) {
            upsert.setString(1, slackTeamId);
            upsert.setString(2, name);
            upsert.setBytes(3, secrets.seal(botToken));
            upsert.setBytes(4, secrets.seal(signingSecret));
            upsert.setTimestamp(5, Timestamp.from(now));
            try (ResultSet rs = upsert.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store Slack workspace " + slackTeamId, e);
        }
    }

    public Optional<Workspace> find(String slackTeamId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select slack_team_id, name, bot_token_enc, signing_secret_enc, updated_at
                     from slack_workspace where slack_team_id = ?""")) {
            select.setString(1, slackTeamId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Workspace(rs.getString(1), rs.getString(2),
                        secrets.open(rs.getBytes(3)), secrets.open(rs.getBytes(4)), rs.getTimestamp(5).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read Slack workspace " + slackTeamId, e);
        }
    }

    /** Removes a workspace and every team's mapping to it; false when there was none. */
    public boolean delete(String slackTeamId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from slack_workspace where slack_team_id = ?")) {
            delete.setString(1, slackTeamId);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete Slack workspace " + slackTeamId, e);
        }
    }

    public void putTeamChannel(String team, String slackTeamId, String channelId, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into slack_team_channel (team, slack_team_id, channel_id, updated_at) values (?, ?, ?, ?)
                     on conflict (team) do update set slack_team_id = excluded.slack_team_id,
                         channel_id = excluded.channel_id, updated_at = excluded.updated_at""")) {
            upsert.setString(1, team);
            upsert.setString(2, slackTeamId);
            upsert.setString(3, channelId);
            upsert.setTimestamp(4, Timestamp.from(now));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot map team " + team + " to Slack", e);
        }
    }

    public Optional<TeamChannel> teamChannel(String team) {
        List<TeamChannel> found = teamChannels("team = ?", team);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public Optional<String> slackChannelOf(String team) {
        return teamChannel(team).map(TeamChannel::channelId);
    }

    @Override
    public void moveSlackChannel(String team, String channelId, Instant now) {
        TeamChannel current = teamChannel(team).orElseThrow(() -> new IllegalStateException("team " + team
                + " is not connected to a Slack workspace: PUT /v1/teams/" + team
                + "/slack {\"slackTeamId\":\"T…\",\"channelId\":\"" + channelId + "\"} first"));
        if (!current.channelId().equals(channelId)) {
            putTeamChannel(team, current.slackTeamId(), channelId, now);
        }
    }

    /** The teams that use a workspace. */
    public List<TeamChannel> teamsOf(String slackTeamId) {
        return teamChannels("slack_team_id = ?", slackTeamId);
    }

    private List<TeamChannel> teamChannels(String where, String value) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select team, slack_team_id, channel_id, updated_at from slack_team_channel where " + where
                             + " order by team")) {
            select.setString(1, value);
            List<TeamChannel> result = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    result.add(new TeamChannel(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read Slack team channels", e);
        }
    }
}
