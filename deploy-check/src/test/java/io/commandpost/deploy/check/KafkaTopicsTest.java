package io.commandpost.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes/topics declares exactly the topics of shared-events {@link Topics}, each with the configs the
 * platform creates it with: event and dead-letter topics keep everything; quarantine is bounded.
 */
class KafkaTopicsTest {

    private static final Map<String, Object> KEEP_EVERYTHING = Map.of("retention.ms", -1, "cleanup.policy", "delete");

    static List<String> expectedTopics() {
        List<String> topics = new ArrayList<>(Topics.ALL);
        Repository.SERVICES.forEach(service -> topics.add(Topics.deadLetter(service)));
        topics.add(Topics.QUARANTINE);
        return topics;
    }

    private static List<GenericKubernetesResource> declared() {
        List<HasMetadata> objects = Manifests.parse(Repository.read("deploy/kubernetes/topics/kafka-topics.yaml"));
        assertThat(objects).allSatisfy(object -> assertThat(object).isInstanceOf(GenericKubernetesResource.class));
        return objects.stream().map(GenericKubernetesResource.class::cast).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource topic) {
        return (Map<String, Object>) topic.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(GenericKubernetesResource topic) {
        return (Map<String, Object>) spec(topic).get("config");
    }

    @Test
    void oneKafkaTopicPerTopicOfTheContract() {
        assertThat(declared()).extracting(topic -> (String) spec(topic).get("topicName"))
                .containsExactlyInAnyOrderElementsOf(expectedTopics());
        assertThat(declared()).allSatisfy(topic -> {
            assertThat(topic.getKind()).isEqualTo("KafkaTopic");
            assertThat(topic.getMetadata().getName()).isEqualTo(spec(topic).get("topicName"));
        });
    }

    @Test
    void eventAndDeadLetterTopicsKeepEveryRecord() {
        assertThat(declared()).filteredOn(topic -> !topic.getMetadata().getName().equals(Topics.QUARANTINE))
                .hasSize(expectedTopics().size() - 1)
                .allSatisfy(topic -> {
                    assertThat(config(topic)).containsAllEntriesOf(KEEP_EVERYTHING);
                    assertThat(spec(topic)).containsEntry("partitions", 3);
                });
    }

    @Test
    void quarantineIsBoundedInTimeAndSizeLikeThePlatformCreatesIt() {
        GenericKubernetesResource quarantine = declared().stream()
                .filter(topic -> topic.getMetadata().getName().equals(Topics.QUARANTINE)).findFirst().orElseThrow();

        assertThat(spec(quarantine)).containsEntry("partitions", 1);
        assertThat(config(quarantine)).containsEntry("retention.ms", 14 * 24 * 3600 * 1000) // 14 days
                .containsEntry("retention.bytes", 512 * 1024 * 1024)
                .containsEntry("max.message.bytes", 1024 * 1024)
                .containsEntry("cleanup.policy", "delete");
    }
}
