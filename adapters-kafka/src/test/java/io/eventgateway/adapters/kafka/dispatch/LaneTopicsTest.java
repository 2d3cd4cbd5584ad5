package io.eventgateway.adapters.kafka.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.domain.priority.Lane;
import org.junit.jupiter.api.Test;

class LaneTopicsTest {

    private static final LaneTopics TOPICS = new LaneTopics(TopicNames.defaults(), 3);

    @Test
    void aFreshEventLaneHasOneTopic() {
        assertThat(TOPICS.of(Lane.P20)).containsExactly("eg.p20");
    }

    @Test
    void theRetryLaneHasEveryLevelInOrder() {
        assertThat(TOPICS.of(Lane.RETRY)).containsExactly("eg.retry.1", "eg.retry.2", "eg.retry.3");
    }

    @Test
    void allHoldsEveryLaneTopicButNotTheResponseTopic() {
        assertThat(TOPICS.all()).containsExactly("eg.p30", "eg.p20", "eg.p10", "eg.offload", "eg.retry.1",
                "eg.retry.2", "eg.retry.3");
    }

    @Test
    void zeroRetryLevelsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LaneTopics(TopicNames.defaults(), 0));
    }
}
