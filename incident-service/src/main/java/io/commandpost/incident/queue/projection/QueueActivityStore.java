package io.commandpost.incident.queue.projection;

import io.agroal.api.AgroalDataSource;
import io.commandpost.incident.queue.ItemKey;
import io.commandpost.incident.queue.ItemKind;
import io.commandpost.incident.queue.QueueActivity;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The queue_activity table, by plain JDBC. */
@ApplicationScoped
public class QueueActivityStore {

    private static final String COLUMNS = "team, kind, item_id, last_actor, last_action, last_acted_at, owner, "
            + "owned_since, snoozed_until, channel, thread_ref";

    private final AgroalDataSource dataSource;

    QueueActivityStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<QueueActivity> findForUpdate(ItemKey key) {
        return find(key, " for update");
    }

    public Optional<QueueActivity> find(ItemKey key) {
        return find(key, "");
    }

    /** Every item's activity of a team, by key. */
    public Map<ItemKey, QueueActivity> ofTeam(String team) {
        Map<ItemKey, QueueActivity> activities = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select " + COLUMNS + " from queue_activity where team = ?")) {
            statement.setString(1, team);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    QueueActivity activity = activity(rows);
                    activities.put(activity.key(), activity);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read queue activity", e);
        }
        return activities;
    }

    public void save(QueueActivity activity) {
        String sql = "insert into queue_activity (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (team, kind, item_id) do update set last_actor = excluded.last_actor, "
                + "last_action = excluded.last_action, last_acted_at = excluded.last_acted_at, "
                + "owner = excluded.owner, owned_since = excluded.owned_since, snoozed_until = excluded.snoozed_until, channel = excluded.channel, "
                + "thread_ref = excluded.thread_ref";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            ItemKey key = activity.key();
            statement.setString(1, key.team());
            statement.setString(2, key.kind().name());
            statement.setString(3, key.id());
            statement.setString(4, activity.lastActor());
            statement.setString(5, activity.lastAction());
            statement.setTimestamp(6, timestamp(activity.lastActedAt()));
            statement.setString(7, activity.owner());
            statement.setTimestamp(8, timestamp(activity.ownedSince()));
            statement.setTimestamp(9, timestamp(activity.snoozedUntil()));
            statement.setString(10, activity.channel());
            statement.setString(11, activity.threadRef());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save queue activity " + activity.key(), e);
        }
    }

    /** The latest handover of a team: who handed over to whom, when. */
    public record LastHandover(String team, java.util.UUID handoverId, String from, String to, Instant at) {
    }

    /** Keeps the team's latest handover (by time, so a replay in any order agrees). */
    public void handedOver(LastHandover handover) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     insert into queue_handover (team, handover_id, from_member, to_member, handed_over_at)
                     values (?, ?, ?, ?, ?)
                     on conflict (team) do update set handover_id = excluded.handover_id,
                         from_member = excluded.from_member, to_member = excluded.to_member,
                         handed_over_at = excluded.handed_over_at
                     where queue_handover.handed_over_at < excluded.handed_over_at""")) {
            statement.setString(1, handover.team());
            statement.setObject(2, handover.handoverId());
            statement.setString(3, handover.from());
            statement.setString(4, handover.to());
            statement.setTimestamp(5, Timestamp.from(handover.at()));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save handover of " + handover.team(), e);
        }
    }

    public Optional<LastHandover> lastHandover(String team) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select handover_id, from_member, to_member, handed_over_at from queue_handover where team = ?")) {
            statement.setString(1, team);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(new LastHandover(team, rows.getObject(1, java.util.UUID.class),
                        rows.getString(2), rows.getString(3), rows.getTimestamp(4).toInstant())) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read handover of " + team, e);
        }
    }

    public void deleteAll() {
        try (Connection connection = dataSource.getConnection();
             java.sql.Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from queue_activity");
            statement.executeUpdate("delete from queue_handover");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear queue_activity", e);
        }
    }

    private Optional<QueueActivity> find(ItemKey key, String lock) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select " + COLUMNS
                     + " from queue_activity where team = ? and kind = ? and item_id = ?" + lock)) {
            statement.setString(1, key.team());
            statement.setString(2, key.kind().name());
            statement.setString(3, key.id());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(activity(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read queue activity", e);
        }
    }

    private static QueueActivity activity(ResultSet row) throws SQLException {
        return new QueueActivity(
                new ItemKey(row.getString("team"), ItemKind.valueOf(row.getString("kind")), row.getString("item_id")),
                row.getString("last_actor"), row.getString("last_action"), instant(row.getTimestamp("last_acted_at")),
                row.getString("owner"), instant(row.getTimestamp("owned_since")),
                instant(row.getTimestamp("snoozed_until")), row.getString("channel"),
                row.getString("thread_ref"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
