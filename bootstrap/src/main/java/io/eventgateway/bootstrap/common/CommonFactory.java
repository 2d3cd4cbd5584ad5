package io.eventgateway.bootstrap.common;

import io.eventgateway.adapters.kafka.record.ProtobufStoredRecordCodec;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.bootstrap.config.SloConfig;
import io.eventgateway.bootstrap.config.TopicsConfig;
import io.eventgateway.domain.priority.SloPolicy;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Beans every role shares: the clock, topic names, the record codec, the SLO policy. */
@Factory
public class CommonFactory {

    /** The one wall clock of the process; everything below bootstrap gets time from it. */
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    TopicNames topicNames(TopicsConfig topics) {
        return new TopicNames(topics.prefix());
    }

    @Singleton
    StoredRecordCodec storedRecordCodec() {
        return new ProtobufStoredRecordCodec();
    }

    @Singleton
    SloPolicy sloPolicy(SloConfig slo) {
        return slo.toPolicy();
    }
}
