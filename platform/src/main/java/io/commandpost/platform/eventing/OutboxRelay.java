package io.commandpost.platform.eventing;

import io.commandpost.events.CloudEventHeaders;
import io.commandpost.platform.config.PlatformConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in insertion order and marks them published once the broker
 * acknowledged them (acks=all). One relay at a time per database (an advisory lock), so replicas
 * do not reorder a stream. A crash between ack and mark republishes: consumers are idempotent.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x436f6d6d616e64L; // "Command"
    /** Returned by {@link #relayBatch()} when another replica's relay holds the lock. */
    static final int LOCKED_ELSEWHERE = -1;
    private static final long LOCKED_RETRY_MILLIS = 50;

    private final AgroalDataSource dataSource;
    private final KafkaClients kafka;
    private final PlatformConfig config;
    private final Clock clock;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running = true;

    OutboxRelay(AgroalDataSource dataSource, KafkaClients kafka, PlatformConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Starts the relay loop. It publishes as long as rows wait, then sleeps until an append commits
     * ({@link #wake()}) or the sweep interval passes (rows a crash left). When another replica's relay
     * holds the lock, it looks again shortly, so rows committed here are not left for the sweep.
     */
    void start(@Observes StartupEvent startup) {
        if (!config.outbox().enabled()) {
            return;
        }
        Thread thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        wake();
    }

    /** Called after a transaction with outbox rows committed. */
    public void wake() {
        signal.release();
    }

    private void loop() {
        while (running) {
            try {
                int published = relayBatch();
                if (published == LOCKED_ELSEWHERE) {
                    signal.tryAcquire(LOCKED_RETRY_MILLIS, TimeUnit.MILLISECONDS);
                } else if (published < config.outbox().batchSize()) {
                    signal.tryAcquire(config.outbox().interval().toMillis(), TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("outbox relay will retry: %s", e.toString());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Publishes one batch; returns how many rows it published, or {@link #LOCKED_ELSEWHERE}. */
    public int relayBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int published = publishUnder(connection);
                connection.commit();
                return published;
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private int publishUnder(Connection connection) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return LOCKED_ELSEWHERE;
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        List<Future<?>> acks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, topic, record_key, envelope from outbox where published_at is null order by id limit ?")) {
            select.setInt(1, config.outbox().batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    byte[] value = rs.getString(4).getBytes(StandardCharsets.UTF_8);
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(rs.getString(2), rs.getString(3), value);
                    // the headers come from the envelope's top-level fields; its data is not parsed
                    CloudEventHeaders.ofJson(value).forEach((name, header) -> record.headers().add(name, header));
                    acks.add(kafka.producer().send(record));
                }
            }
        }
        long timeout = config.publish().ackTimeout().toMillis();
        for (Future<?> ack : acks) {
            ack.get(timeout, TimeUnit.MILLISECONDS);
        }
        if (!ids.isEmpty()) {
            try (PreparedStatement mark = connection.prepareStatement(
                    "update outbox set published_at = ? where id = any(?)")) {
                mark.setTimestamp(1, Timestamp.from(clock.instant()));
                mark.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
                mark.executeUpdate();
            }
        }
        return ids.size();
    }

    /** Unpublished rows, for readiness and metrics. */
    public long backlog() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from outbox where published_at is null");
             ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
