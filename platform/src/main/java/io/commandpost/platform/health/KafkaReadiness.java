package io.commandpost.platform.health;

import io.commandpost.platform.eventing.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the broker answers (the database check comes with the datasource). */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private final KafkaClients kafka;
    private volatile Admin admin;

    KafkaReadiness(KafkaClients kafka) {
        this.kafka = kafka;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("kafka").withData("bootstrap", kafka.bootstrapServers());
        try {
            int nodes = admin().describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
            return response.withData("brokers", nodes).status(nodes > 0).build();
        } catch (Exception e) {
            return response.withData("error", e.toString()).down().build();
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = kafka.admin();
                }
            }
        }
        return admin;
    }

    @jakarta.annotation.PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
