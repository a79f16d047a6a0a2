package io.commandpost.launcher.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerConfigTest {

    @Test
    void describesOneCombinedKraftNodeOnLoopback() {
        var props = new BrokerConfig(19092, 19093, Path.of("/data/kafka")).properties();

        assertThat(props).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:19093")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", "/data/kafka")
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .doesNotContainKey("controller.quorum.voters");
    }

    @Test
    void aSingleNodeKeepsOnePartitionPerTopicAndWakesRarelyWhileIdle() {
        var props = new BrokerConfig(19092, 19093, Path.of("/data/kafka")).properties();

        assertThat(props).containsEntry("num.partitions", "1")
                .containsEntry("offsets.topic.num.partitions", "1")
                .containsEntry("transaction.state.log.num.partitions", "1")
                .containsEntry("num.network.threads", "1")
                .containsEntry("num.io.threads", "2")
                .containsEntry("group.coordinator.threads", "1")
                .containsEntry("metadata.max.idle.interval.ms", "10000");
        // the broker must still see its heartbeats well within its session (default 9 s)
        assertThat(Integer.parseInt(props.get("broker.heartbeat.interval.ms"))).isLessThan(9000 / 2);
    }

    @Test
    void aRerunReadsBackThePortsOfTheWrittenConfig(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("server.properties");
        Files.writeString(file, new BrokerConfig(29092, 29093, dir).render());

        assertThat(BrokerConfig.portsOf(file)).hasValueSatisfying(ports -> assertThat(ports).containsExactly(29092, 29093));
        assertThat(BrokerConfig.portsOf(dir.resolve("missing.properties"))).isEmpty();
    }
}
