package io.eventgateway.adapters.kafka.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One idempotent producer and the one thread that calls its {@code send()}, so that a caller (a gRPC or HTTP
 * request thread) never waits on Kafka: {@code KafkaProducer.send} blocks up to {@code max.block.ms} for metadata
 * or buffer space, and a batch of writes against a dead cluster would otherwise cost that many times over.
 *
 * <p>Invariant: every write's outcome is known at most {@link KafkaWriterSettings#deliveryTimeout()} after
 * {@link #send} was called, so a write the caller gave up on cannot land later. A write that waited in the queue
 * longer than {@link KafkaWriterSettings#maxQueueWait()} fails without being sent; once sent, {@code max.block.ms}
 * and the producer's {@code delivery.timeout.ms} bound the rest. After one send blocked on a dead cluster, the
 * writes queued behind it have waited too long and fail at once: a batch costs one block, not one per write.
 *
 * <p>The queue is bounded; a full queue fails the write at once. Writes are sent in the order {@link #send} was
 * called, which keeps one caller's records of one key in order. Futures complete on the producer's I/O thread:
 * what depends on them must not block.
 */
public final class NonBlockingSender implements AutoCloseable {

    /**
     * Writes waiting to be handed to the producer. Upstream, the publisher's in-flight byte limit bounds what can
     * be queued; this bound only stops a runaway (a healthy {@code send()} takes microseconds).
     */
    static final int DEFAULT_QUEUE_CAPACITY = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(NonBlockingSender.class);

    private final String name;
    private final KafkaWriterSettings settings;
    private final Producer<byte[], byte[]> producer;
    private final Clock clock;
    private final int queueCapacity;
    private final ThreadPoolExecutor sendThread;

    /**
     * @param name names the producer's client id and the send thread, e.g. {@code eg-writer-primary-p30}
     */
    public NonBlockingSender(String name, KafkaWriterSettings settings, Clock clock) {
        this(name, settings, new KafkaProducer<>(settings.producerProperties(name)), clock, DEFAULT_QUEUE_CAPACITY);
    }

    NonBlockingSender(String name, KafkaWriterSettings settings, Producer<byte[], byte[]> producer, Clock clock,
            int queueCapacity) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queueCapacity = queueCapacity;
        this.sendThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new Thread(runnable, name + "-send");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Fetches the topic's metadata ahead of the first send, on the send thread, so steady-state sends never wait on
     * it. A failure is logged, not thrown: the first send fetches it again.
     */
    public void warmUp(String topic) {
        try {
            sendThread.execute(() -> {
                try {
                    producer.partitionsFor(topic);
                } catch (RuntimeException e) {
                    LOG.warn("{}: cannot fetch the metadata of {} yet ({}); the first send will try again",
                            name, topic, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("{}: no metadata warm-up for {}: the sender is closed or its queue is full", name, topic);
        }
    }

    /** Queues the record and returns at once; the future completes with where it landed, or fails. */
    public CompletableFuture<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        PendingSend pending = new PendingSend(record, clock.millis());
        try {
            sendThread.execute(pending);
        } catch (RejectedExecutionException e) {
            pending.future.completeExceptionally(new RejectedExecutionException(sendThread.isShutdown()
                    ? name + " is closed"
                    : name + " holds its limit of " + queueCapacity + " queued writes", e));
        }
        return pending.future;
    }

    /**
     * Sends what is queued (writes past their queue wait fail), then closes the producer, waiting for records in
     * flight up to the producer's delivery timeout. Bounded by about {@link KafkaWriterSettings#deliveryTimeout()}.
     */
    @Override
    public void close() {
        sendThread.shutdown();
        try {
            Duration drain = settings.maxQueueWait().plus(settings.maxBlock());
            if (!sendThread.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
                failUnsent(sendThread.shutdownNow());
            }
        } catch (InterruptedException e) {
            failUnsent(sendThread.shutdownNow());
            Thread.currentThread().interrupt();
        } finally {
            producer.close(settings.producerDeliveryTimeout());
        }
    }

    private void failUnsent(List<Runnable> unsent) {
        for (Runnable task : unsent) {
            if (task instanceof PendingSend pending) {
                pending.future.completeExceptionally(new RejectedExecutionException(name + " closed before sending"));
            }
        }
    }

    /** One write between {@link #send} and the producer. */
    private final class PendingSend implements Runnable {

        private final ProducerRecord<byte[], byte[]> record;
        private final long queuedAtMillis;
        private final CompletableFuture<RecordMetadata> future = new CompletableFuture<>();

        private PendingSend(ProducerRecord<byte[], byte[]> record, long queuedAtMillis) {
            this.record = record;
            this.queuedAtMillis = queuedAtMillis;
        }

        @Override
        public void run() {
            long waitedMillis = clock.millis() - queuedAtMillis;
            if (waitedMillis > settings.maxQueueWait().toMillis()) {
                future.completeExceptionally(new TimeoutException(name + ": the write waited " + waitedMillis
                        + " ms to be sent, more than " + settings.maxQueueWait().toMillis()
                        + " ms allowed; not sent (the cluster is slow or down)"));
                return;
            }
            try {
                producer.send(record, (metadata, failure) -> {
                    if (failure != null) {
                        future.completeExceptionally(failure);
                    } else {
                        future.complete(metadata);
                    }
                });
            } catch (RuntimeException e) {
                // send() throws (rather than calling back) when it timed out on metadata or buffer space.
                future.completeExceptionally(e);
            }
        }
    }
}
