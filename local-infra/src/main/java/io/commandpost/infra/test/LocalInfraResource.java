package io.commandpost.infra.test;

import io.commandpost.infra.JdbcTarget;
import io.commandpost.infra.KafkaInfra;
import io.commandpost.infra.PostgresInfra;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real broker and a fresh database named by the init arg {@code database}.
 * Broker and server are JVM singletons shared by every test class; only the database is per resource. The
 * services under test verify people's tokens signed by {@link TestTokens}.
 */
public class LocalInfraResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";

    private String database = "commandpost_test";

    @Override
    public void init(Map<String, String> initArgs) {
        String requested = initArgs.get(DATABASE_ARG);
        if (requested != null && !requested.isBlank()) {
            database = requested.trim();
        }
    }

    @Override
    public Map<String, String> start() {
        String bootstrapServers = KafkaInfra.get().bootstrapServers();
        JdbcTarget target = PostgresInfra.get().createDatabase(database);
        return Map.of(
                "kafka.bootstrap.servers", bootstrapServers,
                "quarkus.datasource.jdbc.url", target.url(),
                "quarkus.datasource.username", target.user(),
                "quarkus.datasource.password", target.password(),
                // people's tokens of the tests (TestTokens) are verified like the console's local ones
                "quarkus.oidc.public-key", TestTokens.PUBLIC_KEY,
                "quarkus.oidc.token.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // the broker and the server outlive the test class; shutdown hooks end them with the JVM
    }
}
