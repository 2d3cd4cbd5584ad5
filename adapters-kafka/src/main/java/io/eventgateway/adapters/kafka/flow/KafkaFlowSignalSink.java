package io.eventgateway.adapters.kafka.flow;

import io.eventgateway.adapters.kafka.publish.KafkaWriterSettings;
import io.eventgateway.adapters.kafka.publish.NonBlockingSender;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.flow.FlowSignalSink;
import io.eventgateway.domain.congestion.FlowSignal;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes a replica's congestion state to the compacted flow-control topic, keyed by replica index, so the
 * topic keeps the latest state of every replica. Signals are sent in the order published, so the last one a
 * replica publishes is the one compaction keeps. Never blocks the replica's flow-control loop.
 */
public final class KafkaFlowSignalSink implements FlowSignalSink, AutoCloseable {

    private final String topic;
    private final NonBlockingSender sender;

    public KafkaFlowSignalSink(KafkaWriterSettings settings, TopicNames topicNames, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        this.topic = Objects.requireNonNull(topicNames, "topicNames").flowControl();
        this.sender = new NonBlockingSender("eg-flow-signal-" + settings.clusterName(), settings, clock);
        sender.warmUp(topic);
    }

    @Override
    public CompletableFuture<Void> publish(FlowSignal signal) {
        Objects.requireNonNull(signal, "signal");
        return sender.send(new ProducerRecord<>(topic, FlowSignalCodec.key(signal), FlowSignalCodec.encode(signal)))
                .thenApply(metadata -> null);
    }

    @Override
    public void close() {
        sender.close();
    }
}
