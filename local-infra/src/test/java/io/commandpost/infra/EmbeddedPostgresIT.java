package io.commandpost.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresIT {

    @Test
    void createdDatabaseStoresAndReturnsARow() throws SQLException {
        JdbcTarget target = PostgresInfra.get().createDatabase("local_infra_roundtrip");

        try (Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE note (id int PRIMARY KEY, text text NOT NULL)");
            statement.execute("INSERT INTO note VALUES (1, 'hello')");
            try (ResultSet rows = statement.executeQuery("SELECT text, current_database() FROM note WHERE id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("hello");
                assertThat(rows.getString(2)).isEqualTo("local_infra_roundtrip");
            }
        }
    }

    @Test
    void recreatingADatabaseEmptiesIt() throws SQLException {
        JdbcTarget first = PostgresInfra.get().createDatabase("local_infra_fresh");
        try (Connection connection = DriverManager.getConnection(first.url(), first.user(), first.password())) {
            connection.createStatement().execute("CREATE TABLE leftover (id int)");
        }

        JdbcTarget again = PostgresInfra.get().createDatabase("local_infra_fresh");

        try (Connection connection = DriverManager.getConnection(again.url(), again.user(), again.password());
             ResultSet rows = connection.createStatement()
                     .executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'leftover'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void rejectsANameThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> PostgresInfra.get().createDatabase("x; DROP DATABASE postgres"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void swapsTheDatabaseInAJdbcUrl() {
        assertThat(PostgresInfra.withDatabase("jdbc:postgresql://localhost:5432/postgres?ssl=false", "svc"))
                .isEqualTo("jdbc:postgresql://localhost:5432/svc?ssl=false");
        assertThat(PostgresInfra.withDatabase("jdbc:postgresql://db:5432", "svc"))
                .isEqualTo("jdbc:postgresql://db:5432/svc");
    }
}
