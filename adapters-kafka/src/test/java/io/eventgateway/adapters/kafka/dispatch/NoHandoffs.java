package io.eventgateway.adapters.kafka.dispatch;

import io.eventgateway.adapters.kafka.record.ProtobufStoredRecordCodec;
import io.eventgateway.adapters.kafka.testing.MutableClock;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import java.time.Instant;

/** A hand-off writer nobody writes to, for committers under test that only commit positions. */
final class NoHandoffs {

    private NoHandoffs() {
    }

    static KafkaHandoffWriter writer() {
        return new KafkaHandoffWriter(TopicNames.defaults(), new ProtobufStoredRecordCodec(),
                new MutableClock(Instant.parse("2026-11-23T00:00:00Z")));
    }
}
