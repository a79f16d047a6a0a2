package io.commandpost.infra;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** Kept in its own class so that Testcontainers is never loaded on machines without Docker. */
final class ContainerPostgres {

    static final String IMAGE = System.getProperty("commandpost.test.postgres-image", "postgres:17-alpine");

    private ContainerPostgres() {
    }

    static JdbcTarget start() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE)
                .withDatabaseName("postgres")
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
        container.start();
        ShutdownHooks.register("postgres-container", container::stop);
        return new JdbcTarget(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
}
