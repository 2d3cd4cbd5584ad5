package io.eventgateway.adapters.kafka.flow;

import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.flow.FlowSignalListener;
import io.eventgateway.application.flow.FlowSignalSource;
import io.eventgateway.application.record.CorruptRecordException;
import io.eventgateway.domain.congestion.FlowSignal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every replica's congestion state from the compacted flow-control topic and hands each signal to the
 * listener, on one daemon thread of its own.
 *
 * <p>The consumer has no group: it assigns itself every partition of the topic and starts from the beginning, so
 * the latest state of every replica (what compaction kept) arrives first, then every new one. It is never paused:
 * flow signals are what lets publishers back off, so they must flow even when everything else is stalled. Nothing
 * stops the loop but {@link #close()}: an undecodable record is counted, logged (throttled) and skipped; a failing
 * listener likewise; an unreachable cluster or a topic not created yet is retried every poll timeout. Partitions
 * added to the topic after the first assignment are not picked up (the topic has a fixed partition count).
 *
 * <p>Lifecycle: {@code NEW → RUNNING} on {@link #subscribe}, then {@code CLOSED}; a closed source is not reused.
 */
public final class KafkaFlowSignalSource implements FlowSignalSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaFlowSignalSource.class);

    private final KafkaFlowSignalSourceSettings settings;
    private final String topic;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final LogThrottle skippedRecords = new LogThrottle();
    private final LogThrottle listenerFailures = new LogThrottle();
    private final LogThrottle missingTopic = new LogThrottle();
    private Lifecycle lifecycle = Lifecycle.NEW;
    private Consumer<byte[], byte[]> consumer;
    private Thread pollThread;

    public KafkaFlowSignalSource(KafkaFlowSignalSourceSettings settings, TopicNames topicNames) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.topic = Objects.requireNonNull(topicNames, "topicNames").flowControl();
    }

    @Override
    public synchronized void subscribe(FlowSignalListener listener) {
        Objects.requireNonNull(listener, "listener");
        moveTo(Lifecycle.RUNNING);
        Consumer<byte[], byte[]> created = new KafkaConsumer<>(consumerProperties());
        consumer = created;
        pollThread = new Thread(() -> pollUntilClosed(created, listener), "eg-flow-signal-source");
        pollThread.setDaemon(true);
        pollThread.start();
    }

    /** Stops the poll loop (waking a blocked poll) and waits for it, at most the configured close timeout. */
    @Override
    public void close() {
        Thread thread;
        synchronized (this) {
            if (lifecycle == Lifecycle.CLOSED) {
                return;
            }
            moveTo(Lifecycle.CLOSED);
            stopRequested.countDown();
            if (consumer != null) {
                consumer.wakeup();
            }
            thread = pollThread;
        }
        if (thread == null) {
            return;
        }
        try {
            thread.join(settings.closeTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("flow-signal source on {}: the poll thread did not stop within {}; left to finish as a daemon",
                    topic, settings.closeTimeout());
        }
    }

    /** Records skipped because they were not flow signals, since start (for metrics). */
    public long skippedRecords() {
        return skippedRecords.count();
    }

    /** Signals the listener threw on, since start (for metrics). */
    public long listenerFailures() {
        return listenerFailures.count();
    }

    private void pollUntilClosed(Consumer<byte[], byte[]> polled, FlowSignalListener listener) {
        try {
            while (stopRequested.getCount() > 0 && !Thread.currentThread().isInterrupted()) {
                try {
                    if (polled.assignment().isEmpty() && !assignEveryPartition(polled)) {
                        pauseBeforeRetry();
                        continue;
                    }
                    for (ConsumerRecord<byte[], byte[]> record : polled.poll(settings.pollTimeout())) {
                        deliver(record, listener);
                    }
                } catch (WakeupException e) {
                    // close() woke the consumer up: the loop condition ends the loop.
                } catch (RuntimeException e) {
                    LOG.warn("flow-signal source: reading {} failed ({}); trying again in {}",
                            topic, e.toString(), settings.pollTimeout());
                    pauseBeforeRetry();
                }
            }
        } finally {
            try {
                polled.close(CloseOptions.timeout(settings.closeTimeout()));
            } catch (RuntimeException e) {
                LOG.warn("flow-signal source: closing the consumer of {} failed ({})", topic, e.toString());
            }
        }
    }

    private boolean assignEveryPartition(Consumer<byte[], byte[]> polled) {
        List<PartitionInfo> infos = polled.partitionsFor(topic, settings.pollTimeout());
        if (infos == null || infos.isEmpty()) {
            if (missingTopic.countAndShouldLog()) {
                LOG.warn("flow-signal source: topic {} not found (checked {} times); publishers hold their P10 rate"
                        + " until it exists", topic, missingTopic.count());
            }
            return false;
        }
        List<TopicPartition> partitions = infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        polled.assign(partitions);
        polled.seekToBeginning(partitions);
        LOG.info("flow-signal source reads {} partition(s) of {} from the beginning", partitions.size(), topic);
        return true;
    }

    private void deliver(ConsumerRecord<byte[], byte[]> record, FlowSignalListener listener) {
        if (record.value() == null) {
            // A tombstone (a replica's state deleted): there is no state to report.
            return;
        }
        FlowSignal signal;
        try {
            signal = FlowSignalCodec.decode(record.value());
        } catch (CorruptRecordException e) {
            if (skippedRecords.countAndShouldLog()) {
                LOG.warn("flow-signal source: skipped record {}-{}@{}: {} ({} skipped so far)", record.topic(),
                        record.partition(), record.offset(), e.getMessage(), skippedRecords.count());
            }
            return;
        }
        try {
            listener.onFlowSignal(signal);
        } catch (RuntimeException e) {
            if (listenerFailures.countAndShouldLog()) {
                LOG.error("flow-signal listener failed on {} ({} failures so far)", signal,
                        listenerFailures.count(), e);
            }
        }
    }

    /** Waits one poll timeout before trying again, or less when {@link #close()} is called meanwhile. */
    private void pauseBeforeRetry() {
        try {
            stopRequested.await(settings.pollTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> props = new HashMap<>(settings.extraConsumerProperties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "eg-flow-signals-" + topic);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // An auto-created topic would not be compacted; `topics apply` creates it.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // Only used if a position falls out of range (retention); the start is an explicit seek to the beginning.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    private void moveTo(Lifecycle next) {
        if (!lifecycle.canMoveTo(next)) {
            throw new IllegalStateException("flow-signal source cannot go from " + lifecycle + " to " + next
                    + (lifecycle == Lifecycle.RUNNING ? ": it already has a listener" : ""));
        }
        lifecycle = next;
    }

    private enum Lifecycle {
        /** Built; no consumer, no thread. */
        NEW,
        /** Subscribed: the poll thread delivers signals to the listener. */
        RUNNING,
        /** Closed for good. */
        CLOSED;

        boolean canMoveTo(Lifecycle next) {
            return switch (this) {
                case NEW -> next == RUNNING || next == CLOSED;
                case RUNNING -> next == CLOSED;
                case CLOSED -> false;
            };
        }
    }
}
