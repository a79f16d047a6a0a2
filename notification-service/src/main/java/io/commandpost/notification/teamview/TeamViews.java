package io.commandpost.notification.teamview;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each team's paging facts kept in memory (who may be on duty, members, contact rules, the paging policy), so that a
 * page decision reads one row instead of ten: the team's version ({@code team_view_version}). Every writer of those
 * facts (the on-call projection, the contact and policy APIs) bumps the version in its own transaction, from one
 * sequence, so the version moves exactly when the facts commit, on whichever replica wrote them. A reader checks the
 * version once per transaction (or per call outside one) and keeps using what it loaded while it has not moved; when it
 * has, it loads again. No replica ever pages from facts older than what it would read from the tables (ADR 0035).
 */
@ApplicationScoped
public class TeamViews {

    /** How a part of a team's view is read from the tables; the connection is the caller's (its transaction). */
    @FunctionalInterface
    public interface Loader<T> {
        T load(Connection connection) throws SQLException;
    }

    private record Entry(long version, Map<Object, Object> parts) {
    }

    /** The key of a team's version among the resources of the current transaction. */
    private record InTransaction(String team) {
    }

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    TeamViews(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /**
     * The part {@code key} of the team's view: as loaded before if the team's version has not moved since, else
     * {@code loader}'s answer now (kept for the next reader).
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String team, Object key, Loader<T> loader) {
        try (Connection connection = dataSource.getConnection()) {
            long version = version(connection, team);
            Entry entry = entries.compute(team, (t, known) -> known == null || known.version() < version
                    ? new Entry(version, new ConcurrentHashMap<>()) : known);
            if (entry.version() != version) { // another reader already saw a later version: do not keep this one
                return loader.load(connection);
            }
            Object part = entry.parts().get(key);
            if (part == null) {
                part = loader.load(connection);
                if (part != null) {
                    entry.parts().put(key, part);
                }
            }
            return (T) part;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the view of team " + team, e);
        }
    }

    /** The team's facts changed: bumps its version in the caller's transaction ({@code connection}). */
    public void changed(Connection connection, String team) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into team_view_version (team, version) values (?, nextval('team_view_version_seq'))
                on conflict (team) do update set version = excluded.version""")) {
            upsert.setString(1, team);
            upsert.executeUpdate();
        }
        forget(team);
    }

    /** Every team's facts changed (a projection reset): bumps every version. */
    public void allChanged(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update team_view_version set version = nextval('team_view_version_seq')")) {
            update.executeUpdate();
        }
        entries.keySet().forEach(this::forget);
    }

    /** This transaction reads the team's version again (after changing it). */
    private void forget(String team) {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.putResource(new InTransaction(team), Boolean.FALSE);
        }
    }

    /** Read once per transaction: every decision of a transaction sees the same facts. */
    private long version(Connection connection, String team) throws SQLException {
        boolean active = transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
        if (active && transactions.getResource(new InTransaction(team)) instanceof Long known) {
            return known;
        }
        long version;
        try (PreparedStatement select = connection.prepareStatement(
                "select version from team_view_version where team = ?")) {
            select.setString(1, team);
            try (ResultSet rs = select.executeQuery()) {
                version = rs.next() ? rs.getLong(1) : 0L;
            }
        }
        if (active) {
            transactions.putResource(new InTransaction(team), version);
        }
        return version;
    }
}
