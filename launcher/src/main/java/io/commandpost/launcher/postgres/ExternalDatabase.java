package io.commandpost.launcher.postgres;

import io.commandpost.launcher.SystemOptions.ExternalPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** A PostgreSQL server named by the environment; the launcher only creates missing databases there. */
public final class ExternalDatabase implements Database {

    private final ExternalPostgres server;

    private ExternalDatabase(ExternalPostgres server) {
        this.server = server;
    }

    public static ExternalDatabase connect(ExternalPostgres server, Collection<String> databases, Consumer<String> warn) {
        ExternalDatabase database = new ExternalDatabase(server);
        try (Connection admin = DriverManager.getConnection(database.jdbcUrl("postgres"), server.user(), server.password())) {
            DatabaseBootstrap.ensureDatabases(admin, databases, null);
        } catch (SQLException e) {
            warn.accept("could not check/create the databases " + databases + " on " + server.host() + ":" + server.port()
                    + " (" + e.getMessage() + "); assuming they exist");
        }
        return database;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + database;
    }

    @Override
    public String user() {
        return server.user();
    }

    @Override
    public String password() {
        return server.password();
    }

    @Override
    public String describe() {
        return server.host() + ":" + server.port() + " (external, user " + server.user() + ")";
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.empty();
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
