package io.commandpost.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PostgreSQL server per JVM, resolved in this order: {@code COMMANDPOST_TEST_JDBC_URL} (+ user and
 * password) → a Testcontainers postgres when a Docker engine answers → an embedded PostgreSQL (zonky
 * binaries). Each test class asks it for a fresh database of its own. Shared across class loaders
 * (see {@link JvmShared}).
 */
public final class PostgresInfra {

    public static final String JDBC_URL_ENV = "COMMANDPOST_TEST_JDBC_URL";
    public static final String USER_ENV = "COMMANDPOST_TEST_DB_USER";
    public static final String PASSWORD_ENV = "COMMANDPOST_TEST_DB_PASSWORD";

    /** Where the server came from. */
    public enum Source { ENVIRONMENT, TESTCONTAINERS, EMBEDDED }

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** jdbc:postgresql://host:port/database?params — group 2 is the database. */
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/?]*)(?:/([^?]*))?(\\?.*)?");

    private static PostgresInfra instance;

    private final Source source;
    private final JdbcTarget admin;
    private final long startupMillis;

    private PostgresInfra(Source source, JdbcTarget admin, long startupMillis) {
        this.source = source;
        this.admin = admin;
        this.startupMillis = startupMillis;
    }

    /** The JVM's server, started on the first call. */
    public static PostgresInfra get() {
        synchronized (JvmShared.postgresLock()) {
            if (instance == null) {
                instance = resolve();
            }
            return instance;
        }
    }

    public Source source() {
        return source;
    }

    /** The server's maintenance database ({@code postgres} unless the environment names another). */
    public JdbcTarget admin() {
        return admin;
    }

    /** How long starting the server took (0 when it came from the environment). */
    public long startupMillis() {
        return startupMillis;
    }

    /** Drops {@code name} if it exists (closing its connections) and creates it empty. */
    public JdbcTarget createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case database name: " + name);
        }
        synchronized (JvmShared.postgresLock()) {
            recreate(name);
        }
        return new JdbcTarget(withDatabase(admin.url(), name), admin.user(), admin.password());
    }

    private void recreate(String name) {
        try (Connection connection = DriverManager.getConnection(admin.url(), admin.user(), admin.password());
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " at " + admin.url(), e);
        }
    }

    static String withDatabase(String url, String database) {
        Matcher matcher = JDBC_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a jdbc:postgresql URL: " + url);
        }
        String params = matcher.group(3) == null ? "" : matcher.group(3);
        return matcher.group(1) + "/" + database + params;
    }

    private static PostgresInfra resolve() {
        String url = System.getenv(JDBC_URL_ENV);
        if (url != null && !url.isBlank()) {
            return new PostgresInfra(Source.ENVIRONMENT,
                    new JdbcTarget(url.trim(), envOr(USER_ENV, "postgres"), envOr(PASSWORD_ENV, "")), 0);
        }
        var shared = JvmShared.property(JvmShared.POSTGRES_URL);
        if (shared.isEmpty() && JvmShared.startInSystemClassLoader(PostgresInfra.class)) {
            shared = JvmShared.property(JvmShared.POSTGRES_URL);
        }
        if (shared.isPresent()) {
            return new PostgresInfra(Source.valueOf(System.getProperty(JvmShared.POSTGRES_SOURCE)),
                    new JdbcTarget(shared.get(), System.getProperty(JvmShared.POSTGRES_USER),
                            System.getProperty(JvmShared.POSTGRES_PASSWORD)), 0);
        }
        long started = System.nanoTime();
        boolean docker = InfraMode.dockerAllowed() && DockerProbe.dockerAvailable();
        JdbcTarget admin = docker ? ContainerPostgres.start() : EmbeddedPostgresServer.start();
        Source source = docker ? Source.TESTCONTAINERS : Source.EMBEDDED;
        System.setProperty(JvmShared.POSTGRES_SOURCE, source.name());
        System.setProperty(JvmShared.POSTGRES_URL, admin.url());
        System.setProperty(JvmShared.POSTGRES_USER, admin.user());
        System.setProperty(JvmShared.POSTGRES_PASSWORD, admin.password());
        return new PostgresInfra(source, admin, elapsedMillis(started));
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
