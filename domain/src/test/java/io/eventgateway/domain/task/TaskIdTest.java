package io.eventgateway.domain.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TaskIdTest {

    @Test
    void theStringFormIsReplicaTopicPartitionOffsetDelivery() {
        TaskId id = new TaskId(2, "eg.p30", 7, 12345L, 3);

        assertThat(id.asString()).isEqualTo("2:eg.p30:7:12345:3");
        assertThat(TaskId.parse("2:eg.p30:7:12345:3")).isEqualTo(id);
    }

    @Test
    void malformedStringsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> TaskId.parse("2:eg.p30:7")).hasMessageContaining("5 ':'-separated parts");
        assertThatThrownBy(() -> TaskId.parse("x:eg.p30:7:1:1")).hasMessageContaining("non-numeric");
        assertThatThrownBy(() -> TaskId.parse("0:eg p30:7:1:1")).hasMessageContaining("illegal character");
        assertThatThrownBy(() -> TaskId.parse("0:eg.p30:7:1:0")).hasMessageContaining("delivery must be >= 1");
    }

    @Test
    void aCorruptBinaryFormIsRefused() {
        byte[] bytes = new TaskId(0, "eg.p10", 1, 2, 1).toBytes();
        bytes[0] = 9;

        assertThatThrownBy(() -> TaskId.fromBytes(bytes)).hasMessageContaining("unknown version 9");
        assertThatThrownBy(() -> TaskId.fromBytes(new byte[3])).hasMessageContaining("too short");
    }

    @Test
    void theSourcePositionDropsReplicaAndDelivery() {
        TaskId id = new TaskId(1, "eg.retry.2", 4, 99, 2);

        assertThat(id.source()).isEqualTo(new SourcePosition("eg.retry.2", 4, 99));
        assertThat(TaskId.of(1, id.source(), 2)).isEqualTo(id);
    }

    @Property(tries = 200)
    void bothFormsRoundTrip(@ForAll @IntRange(min = 0, max = 1000) int replica, @ForAll("topics") String topic,
            @ForAll @IntRange(min = 0, max = 100_000) int partition, @ForAll @LongRange(min = 0) long offset,
            @ForAll @IntRange(min = 1) int delivery) {
        TaskId id = new TaskId(replica, topic, partition, offset, delivery);

        assertThat(TaskId.parse(id.asString())).isEqualTo(id);
        assertThat(TaskId.fromBytes(id.toBytes())).isEqualTo(id);
    }

    @Provide
    Arbitrary<String> topics() {
        return Arbitraries.strings().withChars("abcXYZ019._-").ofMinLength(1).ofMaxLength(249);
    }
}
