package io.commandpost.notification.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.commandpost.events.EventJson;
import io.commandpost.events.lifecycle.AlertState;
import io.commandpost.notification.delivery.PageAlert;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code alert_lifecycle} table: each alert as the shared AlertLifecycle folded it, with its title and when it
 * opened and closed, which the 09:00 digest lists (view {@code digest_entry}).
 */
@ApplicationScoped
public class AlertLifecycles {

    private final AgroalDataSource dataSource;
    private final Event<AlertStateChanged> changed;

    AlertLifecycles(AgroalDataSource dataSource, Event<AlertStateChanged> changed) {
        this.dataSource = dataSource;
        this.changed = changed;
    }

    public Optional<AlertState> find(String team, String dedupKey) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select state::text from alert_lifecycle where team = ? and dedup_key = ?")) {
            select.setString(1, team);
            select.setString(2, dedupKey);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(EventJson.mapper().readValue(rs.getString(1), AlertState.class))
                        : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read alert " + dedupKey + " of " + team, e);
        }
    }

    /** Serialises every decision about one alert until the transaction ends, even while no row exists yet. */
    public void lock(String team, String dedupKey) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "paging:" + team + ":" + dedupKey);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot lock alert " + dedupKey + " of " + team, e);
        }
    }

    /** What pages show of the alert: its latest firing. */
    public Optional<PageAlert> pageAlert(String team, String dedupKey) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select page_alert::text from alert_lifecycle where team = ? and dedup_key = ?")) {
            select.setString(1, team);
            select.setString(2, dedupKey);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && rs.getString(1) != null
                        ? Optional.of(EventJson.mapper().readValue(rs.getString(1), PageAlert.class)) : Optional.empty();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read alert " + dedupKey + " of " + team, e);
        }
    }

    /**
     * Saves the state and, when a firing changed it, what pages show of it ({@code alert} null keeps the last);
     * observers hear of it as {@link AlertStateChanged}.
     */
    public void save(AlertState state, PageAlert alert, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into alert_lifecycle (team, dedup_key, state, page_alert, updated_at, title, opened_at,
                         closed_at)
                     values (?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)
                     on conflict (team, dedup_key) do update set state = excluded.state,
                         page_alert = coalesce(excluded.page_alert, alert_lifecycle.page_alert),
                         updated_at = excluded.updated_at, title = excluded.title, opened_at = excluded.opened_at,
                         closed_at = excluded.closed_at""")) {
            upsert.setString(1, state.team());
            upsert.setString(2, state.dedupKey());
            upsert.setString(3, EventJson.mapper().writeValueAsString(state));
            upsert.setString(4, alert == null ? null : EventJson.mapper().writeValueAsString(alert));
            upsert.setTimestamp(5, Timestamp.from(now));
            // what the 09:00 digest lists of it (digest_entry): its title, when it arrived and when it closed
            upsert.setString(6, state.summary());
            upsert.setTimestamp(7, state.openedAt() == null ? null : Timestamp.from(state.openedAt()));
            upsert.setTimestamp(8, state.isOpen() || state.resolvedAt() == null ? null
                    : Timestamp.from(state.resolvedAt()));
            upsert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot save alert " + state.dedupKey() + " of " + state.team(), e);
        }
        changed.fire(new AlertStateChanged(state));
    }
}
