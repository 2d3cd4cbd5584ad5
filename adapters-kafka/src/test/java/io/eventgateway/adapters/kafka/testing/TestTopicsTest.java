package io.eventgateway.adapters.kafka.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TestTopicsTest {

    @Test
    void twoNamesWithTheSamePrefixDiffer() {
        assertThat(TestTopics.unique("lane")).isNotEqualTo(TestTopics.unique("lane"));
    }

    @Test
    void aNameStartsWithItsPrefixAndHoldsOnlyLegalTopicCharacters() {
        assertThat(TestTopics.unique("eg.p30")).startsWith("eg.p30-").matches("[a-zA-Z0-9._-]+");
    }

    @Test
    void aPrefixWithACharacterKafkaRejectsIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestTopics.unique("lane:p30"));
    }
}
