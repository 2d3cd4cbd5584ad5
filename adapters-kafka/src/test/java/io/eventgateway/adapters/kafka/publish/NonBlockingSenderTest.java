package io.eventgateway.adapters.kafka.publish;

import io.eventgateway.adapters.kafka.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NonBlockingSenderTest {

    /** 2 s budget: 500 ms queue wait, 500 ms block, 1 s delivery. */
    private static final KafkaWriterSettings SETTINGS = new KafkaWriterSettings("localhost:9092", "test",
            Duration.ofSeconds(2), 0, 1024, "none", Map.of());

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final BlockingMockProducer producer = new BlockingMockProducer();
    private NonBlockingSender sender = new NonBlockingSender("eg-test", SETTINGS, producer, clock, 2);

    @AfterEach
    void closeSender() {
        producer.unblock();
        sender.close();
    }

    private static ProducerRecord<byte[], byte[]> record(String key) {
        return new ProducerRecord<>("eg.p30", 0, key.getBytes(StandardCharsets.UTF_8), new byte[] {1});
    }

    @Test
    void anAcknowledgedSendCompletesWithWhereTheRecordLanded() throws Exception {
        CompletableFuture<RecordMetadata> sent = sender.send(record("a"));
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 1);
        producer.completeNext();

        RecordMetadata metadata = sent.get(5, TimeUnit.SECONDS);
        assertThat(metadata.topic()).isEqualTo("eg.p30");
        assertThat(metadata.partition()).isZero();
    }

    @Test
    void aSendTheProducerFailsFailsWithTheProducersException() {
        CompletableFuture<RecordMetadata> sent = sender.send(record("a"));
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 1);
        producer.errorNext(new NotEnoughReplicasException("only one in sync"));

        assertThatThrownBy(() -> sent.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(NotEnoughReplicasException.class);
    }

    @Test
    void aSendReturnsAtOnceWhileTheProducerIsBlocked() {
        producer.blockNextSend();
        sender.send(record("blocked"));
        producer.awaitBlocked();

        CompletableFuture<RecordMetadata> queued = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> sender.send(record("queued")));

        assertThat(queued).isNotDone();
    }

    @Test
    void aWriteThatWaitedLongerThanTheQueueWaitFailsWithoutBeingSent() {
        producer.blockNextSend();
        sender.send(record("blocked"));
        producer.awaitBlocked();
        CompletableFuture<RecordMetadata> queued = sender.send(record("queued"));

        clock.advance(SETTINGS.maxQueueWait().plusMillis(1));
        producer.unblock();

        assertThatThrownBy(() -> queued.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(TimeoutException.class)
                .hasMessageContaining("not sent");
        assertThat(producer.history()).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactly("blocked");
    }

    @Test
    void aWriteThatWaitedNoLongerThanTheQueueWaitIsSent() {
        producer.blockNextSend();
        sender.send(record("blocked"));
        producer.awaitBlocked();
        sender.send(record("queued"));

        clock.advance(SETTINGS.maxQueueWait());
        producer.unblock();

        await().atMost(Duration.ofSeconds(5)).until(() -> producer.history().size() == 2);
    }

    @Test
    void aWriteBeyondTheQueueCapacityFailsAtOnce() {
        producer.blockNextSend();
        sender.send(record("blocked"));
        producer.awaitBlocked();
        sender.send(record("queued-1"));
        sender.send(record("queued-2"));

        CompletableFuture<RecordMetadata> overflow = sender.send(record("overflow"));

        assertThat(overflow).isCompletedExceptionally();
        assertThatThrownBy(overflow::join).hasCauseInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("limit of 2 queued writes");
    }

    @Test
    void aSendThatThrowsInsteadOfCallingBackFailsTheFuture() {
        producer.sendException = new TimeoutException("metadata not available after 500 ms");

        CompletableFuture<RecordMetadata> sent = sender.send(record("a"));

        assertThatThrownBy(() -> sent.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void aSendAfterCloseFails() {
        sender.close();

        CompletableFuture<RecordMetadata> sent = sender.send(record("late"));

        assertThatThrownBy(sent::join).hasCauseInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void closeClosesTheProducer() {
        sender.close();

        assertThat(producer.closed()).isTrue();
    }

    /** A mock producer whose next send can be made to block, like a real one waiting on metadata. */
    private static final class BlockingMockProducer extends MockProducer<byte[], byte[]> {

        private final AtomicInteger sendsToBlock = new AtomicInteger();
        private final CountDownLatch blocked = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        BlockingMockProducer() {
            super(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        }

        void blockNextSend() {
            sendsToBlock.set(1);
        }

        void awaitBlocked() {
            await().atMost(Duration.ofSeconds(5)).until(() -> blocked.getCount() == 0);
        }

        void unblock() {
            release.countDown();
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            if (sendsToBlock.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                blocked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.send(record, callback);
        }
    }
}
