package io.commandpost.infra.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalInfraResource.class,
        initArgs = @ResourceArg(name = LocalInfraResource.DATABASE_ARG, value = "local_infra_quarkus"))
class LocalInfraResourceIT {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void applicationGetsTheSharedBrokerAndItsOwnDatabase() throws SQLException {
        assertThat(bootstrapServers).isEqualTo(TestKafka.bootstrapServers());
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT current_database()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("local_infra_quarkus");
        }
    }
}
