package io.commandpost.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DependencyFailuresTest {

    @Test
    void aDatabaseThatIsDownIsToldFromAFaultOfOurs() {
        assertThat(DependencyFailures.dependencyOf(new IllegalStateException("cannot look up an integration token",
                new SQLException("Sorry, acquisition timeout!")))).isEqualTo("database");
        assertThat(DependencyFailures.dependencyOf(new IllegalStateException("x",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isEqualTo("database");
        assertThat(DependencyFailures.dependencyOf(new RuntimeException(new SQLTransientConnectionException("gone"))))
                .isEqualTo("database");
        assertThat(DependencyFailures.dependencyOf(new IllegalStateException(new SQLException(
                "terminating connection due to administrator command", "57P01")))).isEqualTo("database");
        assertThat(DependencyFailures.dependencyOf(new RuntimeException(new ConnectException("refused"))))
                .isEqualTo("a dependency");
        assertThat(DependencyFailures.dependencyOf(new DependencyUnavailableException("broker", null)))
                .isEqualTo("broker");
    }

    @Test
    void faultsOfOursAreNotDependencies() {
        assertThat(DependencyFailures.dependencyOf(new NullPointerException())).isNull();
        assertThat(DependencyFailures.dependencyOf(new IllegalStateException("x",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isNull();
    }

    @Test
    void oneWarningPerOutage() {
        AtomicLong nanos = new AtomicLong();
        DependencyFailures failures = new DependencyFailures(nanos::get);

        assertThat(failures.firstOfOutage("database")).isTrue();
        for (int i = 0; i < 100; i++) {
            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            assertThat(failures.firstOfOutage("database")).isFalse();
        }
        assertThat(failures.firstOfOutage("broker")).as("another dependency").isTrue();
        nanos.addAndGet(DependencyFailures.QUIET.plusSeconds(1).toNanos());
        assertThat(failures.failedWithin("database", Duration.ofSeconds(1))).isFalse();
        assertThat(failures.firstOfOutage("database")).as("a new outage").isTrue();
    }
}
