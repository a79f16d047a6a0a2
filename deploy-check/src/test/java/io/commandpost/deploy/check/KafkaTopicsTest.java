package io.commandpost.deploy.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.commandpost.events.Topics;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes/topics declares exactly the topics of shared-events {@link Topics}, each with the configs the
 * platform creates it with ({@link Topics#configs}): event and dead-letter topics keep everything; quarantine is
 * bounded.
 */
class KafkaTopicsTest {

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
    void everyTopicCarriesTheConfigsThePlatformCreatesItWith() {
        assertThat(declared()).allSatisfy(topic -> {
            Map<String, String> declared = new HashMap<>();
            config(topic).forEach((name, value) -> declared.put(name, String.valueOf(value)));
            assertThat(declared).as(topic.getMetadata().getName())
                    .containsAllEntriesOf(Topics.configs((String) spec(topic).get("topicName")));
        });
    }

    @Test
    void eventTopicsHaveThreePartitionsAndTheQuarantineOne() {
        assertThat(declared()).allSatisfy(topic -> assertThat(spec(topic)).containsEntry("partitions",
                Topics.QUARANTINE.equals(spec(topic).get("topicName")) ? 1 : 3));
    }
}
