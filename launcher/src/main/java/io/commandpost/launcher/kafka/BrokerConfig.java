package io.commandpost.launcher.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** server.properties of a single combined (broker + controller) KRaft node on the loopback interface. */
public record BrokerConfig(int port, int controllerPort, Path dataDir) {

    private static final Pattern LISTENER = Pattern.compile("(PLAINTEXT|CONTROLLER)://[^:,]*:(\\d+)");

    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        // one node on one machine: one partition per topic is all the parallelism it has (the launcher also
        // gives the services commandpost.topics.partitions=1); every partition costs the broker per fetch
        p.put("num.partitions", "1");
        // a single node: every internal topic has one replica and one partition (each partition of the offsets
        // topic is a group-coordinator shard with its own timers)
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        // consumers of a freshly started service get their partitions at once
        p.put("group.initial.rebalance.delay.ms", "0");
        // Local only (deploy/ runs a real cluster with Kafka's defaults): threads for the load of one machine, and
        // fewer wake-ups while idle. The controller appends a no-op record to the metadata log every 500 ms by
        // default (written, flushed and applied by the broker); a single node has no follower that needs it as a
        // liveness signal that often.
        p.put("num.network.threads", "1");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("group.coordinator.threads", "1");
        p.put("metadata.max.idle.interval.ms", "10000");
        p.put("broker.heartbeat.interval.ms", "3000");
        p.put("replica.high.watermark.checkpoint.interval.ms", "30000");
        return p;
    }

    public String render() {
        StringBuilder text = new StringBuilder("# written by the CommandPost launcher at every start\n");
        properties().forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** The ports of an earlier run: a formatted node keeps its controller endpoint, so a rerun reuses them. */
    public static Optional<int[]> portsOf(Path serverProperties) {
        if (!Files.isRegularFile(serverProperties)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(serverProperties)) {
            props.load(reader);
        } catch (IOException e) {
            return Optional.empty();
        }
        int port = -1;
        int controllerPort = -1;
        Matcher matcher = LISTENER.matcher(props.getProperty("listeners", ""));
        while (matcher.find()) {
            if (matcher.group(1).equals("PLAINTEXT")) {
                port = Integer.parseInt(matcher.group(2));
            } else {
                controllerPort = Integer.parseInt(matcher.group(2));
            }
        }
        return port > 0 && controllerPort > 0 ? Optional.of(new int[] {port, controllerPort}) : Optional.empty();
    }
}
