package io.commandpost.platform.timer;

import io.agroal.api.AgroalDataSource;
import io.commandpost.platform.command.WakeSchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The {@code timers} table: at most one pending wake per aggregate and stream. Deciders ask for wakes
 * through the command handler ({@code Decider.wakeAt}); an adapter may also wake another aggregate with
 * {@link #wakeBy} in its transaction (a team's change wakes its handoffs now). A wake only moves a timer
 * earlier; the worker that fires it deletes it in the transaction of the tick's events.
 */
@ApplicationScoped
public class Timers implements WakeSchedule {

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final Semaphore committed = new Semaphore(0);

    Timers(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /**
     * Stores the wake in the caller's transaction; the local worker re-plans its sleep once it commits. The
     * database keeps microseconds: the time is rounded up, so a timer never fires before what it waits for.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void wakeBy(String aggregateName, String streamId, Instant at) {
        Instant micros = at.truncatedTo(ChronoUnit.MICROS);
        execute("""
                insert into timers (aggregate, stream_id, due_at) values (?, ?, ?)
                on conflict (aggregate, stream_id) do update set due_at = least(timers.due_at, excluded.due_at)""",
                aggregateName, streamId, micros.equals(at) ? at : micros.plus(1, ChronoUnit.MICROS));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committed.release();
                }
            }
        });
    }

    /** The pending wake of one stream, if any. */
    public Optional<Timer> pending(String aggregateName, String streamId) {
        return query("select aggregate, stream_id, due_at, attempts from timers where aggregate = ? and stream_id = ?",
                aggregateName, streamId);
    }

    /** The earliest pending wake of any aggregate. */
    public Optional<Instant> nextDue() {
        return query("select aggregate, stream_id, due_at, attempts from timers order by due_at limit 1")
                .map(Timer::dueAt);
    }

    /**
     * Claims the earliest timer due at {@code now} that no other transaction holds (row lock until the
     * caller's transaction ends, {@code for update skip locked}); a rollback or a crash releases it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Timer> claimDue(Instant now) {
        return query("""
                select aggregate, stream_id, due_at, attempts from timers where due_at <= ?
                order by due_at limit 1 for update skip locked""", now);
    }

    /** Deletes a claimed timer (in the claiming transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    void remove(Timer timer) {
        execute("delete from timers where aggregate = ? and stream_id = ?", timer.aggregate(), timer.streamId());
    }

    /** A failed tick: the timer fires again at {@code until}, unless a wake made it due earlier meanwhile. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void postpone(Timer timer, Instant until) {
        execute("""
                update timers set due_at = greatest(due_at, ?), attempts = attempts + 1
                where aggregate = ? and stream_id = ? and due_at = ?""",
                until, timer.aggregate(), timer.streamId(), timer.dueAt());
    }

    /** Waits until a wake commits in this process or {@code timeout} passes; true when woken. */
    boolean awaitWake(Duration timeout) throws InterruptedException {
        boolean woken = committed.tryAcquire(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        committed.drainPermits();
        return woken;
    }

    /** Ends a wait at once (shutdown). */
    void interruptWait() {
        committed.release();
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("timers: " + e.getMessage(), e);
        }
    }

    private Optional<Timer> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Timer(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getInt(4)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("timers: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
    }
}
