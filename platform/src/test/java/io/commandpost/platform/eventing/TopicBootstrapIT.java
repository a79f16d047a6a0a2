package io.commandpost.platform.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.Topics;
import io.commandpost.infra.test.TestKafka;
import io.commandpost.platform.config.PlatformConfig;
import java.lang.reflect.Proxy;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Topics are created with their declared retention, and topics that exist without it are given it. */
class TopicBootstrapIT {

    private static final String SERVICE = "topic-bootstrap-test-" + UUID.randomUUID();
    private static final String DEAD_LETTERS = Topics.deadLetter(SERVICE);

    @Test
    void aTopicCreatedEarlierWithTheBrokersDefaultsIsGivenItsDeclaredRetention() {
        TestKafka.createTopics(DEAD_LETTERS); // as a broker's auto-creation or an older version would
        assertThat(TestKafka.topicOwnConfigs(DEAD_LETTERS)).doesNotContainKey("retention.ms");

        bootstrap().ensureTopics();

        for (String topic : Topics.ALL) {
            assertThat(TestKafka.topicOwnConfigs(topic)).as(topic).containsAllEntriesOf(Topics.KEPT_FOR_EVER);
        }
        assertThat(TestKafka.topicOwnConfigs(DEAD_LETTERS)).containsAllEntriesOf(Topics.KEPT_FOR_EVER);
        assertThat(TestKafka.topicOwnConfigs(Topics.QUARANTINE)).containsAllEntriesOf(Topics.QUARANTINE_RETENTION);

        var settled = TestKafka.topicOwnConfigs(DEAD_LETTERS);
        bootstrap().ensureTopics();
        assertThat(TestKafka.topicOwnConfigs(DEAD_LETTERS)).as("a second bootstrap changes nothing")
                .isEqualTo(settled);
    }

    private static TopicBootstrap bootstrap() {
        PlatformConfig config = (PlatformConfig) Proxy.newProxyInstance(PlatformConfig.class.getClassLoader(),
                new Class<?>[] {PlatformConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "serviceName" -> SERVICE;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new TopicBootstrap(new KafkaClients(TestKafka.bootstrapServers(), config), config, 3);
    }
}
