package io.eventgateway.adapters.kafka.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.application.dispatch.ReplicaFencedException;
import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.domain.offset.OffsetCommit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The committer's transaction handling, against Kafka's MockProducer. */
class KafkaOffsetCommitterTest {

    private static final OrchestratorKafkaSettings SETTINGS = OrchestratorKafkaSettings.defaults("localhost:9", 1, 2);
    private static final SourcePartition P30_1 = new SourcePartition("eg.p30", 1);
    private static final SourcePartition RESPONSE_1 = new SourcePartition("eg.response", 1);

    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final List<KafkaOffsetCommitter> committers = new ArrayList<>();

    @AfterEach
    void close() {
        committers.forEach(KafkaOffsetCommitter::close);
    }

    private KafkaOffsetCommitter committer(MockProducer<byte[], byte[]> with,
            Map<SourcePartition, OffsetCommit> alsoCommit) {
        KafkaOffsetCommitter committer = new KafkaOffsetCommitter(SETTINGS, () -> alsoCommit, NoHandoffs.writer(), with);
        committers.add(committer);
        return committer;
    }

    private KafkaOffsetCommitter committer() {
        return committer(producer, Map.of());
    }

    private static Map<SourcePartition, OffsetCommit> at(long offset) {
        return Map.of(P30_1, new OffsetCommit(offset, "m" + offset, 0));
    }

    private static Throwable failureOf(CompletableFuture<Void> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the commit did not complete", e);
        }
        throw new AssertionError("the commit succeeded");
    }

    private Map<TopicPartition, OffsetAndMetadata> lastCommitted() {
        List<Map<String, Map<TopicPartition, OffsetAndMetadata>>> history = producer.consumerGroupOffsetsHistory();
        return history.get(history.size() - 1).get(SETTINGS.groupId());
    }

    @Test
    void aCommitIsOneTransactionOfOffsetsWithMetadataForTheGroup() {
        committer().commit(at(7)).join();

        assertThat(producer.transactionCommitted()).isTrue();
        assertThat(lastCommitted()).containsExactly(Map.entry(new TopicPartition("eg.p30", 1),
                new OffsetAndMetadata(7, "m7")));
    }

    @Test
    void theExtraPositionsGoIntoTheSameTransaction() {
        committer(producer, Map.of(RESPONSE_1, new OffsetCommit(42, "", 0))).commit(at(7)).join();

        assertThat(lastCommitted()).containsOnlyKeys(new TopicPartition("eg.p30", 1),
                new TopicPartition("eg.response", 1));
        assertThat(lastCommitted().get(new TopicPartition("eg.response", 1)).offset()).isEqualTo(42);
    }

    @Test
    void startInitializesTransactionsBeforeAnyCommit() {
        committer().start().join();

        assertThat(producer.transactionInitialized()).isTrue();
    }

    @Test
    void givenInitTimedOut_whenCommitting_thenTheCommitInitializesAgainAndSucceeds() {
        producer.initTransactionException = new TimeoutException("init timed out");
        KafkaOffsetCommitter committer = committer();
        assertThat(failureOf(committer.start())).isInstanceOf(TimeoutException.class);
        producer.initTransactionException = null;

        committer.commit(at(3)).join();

        assertThat(lastCommitted()).containsKey(new TopicPartition("eg.p30", 1));
    }

    @Test
    void givenCommitTransactionTimedOut_thenTheNextCommitFinishesItFirst() {
        KafkaOffsetCommitter committer = committer();
        producer.commitTransactionException = new TimeoutException("commit timed out");
        assertThat(failureOf(committer.commit(at(1)))).isInstanceOf(TimeoutException.class);
        producer.commitTransactionException = null;

        committer.commit(at(2)).join();

        List<Map<String, Map<TopicPartition, OffsetAndMetadata>>> history = producer.consumerGroupOffsetsHistory();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get(SETTINGS.groupId()).get(new TopicPartition("eg.p30", 1)).offset())
                .isEqualTo(1);
        assertThat(lastCommitted().get(new TopicPartition("eg.p30", 1)).offset()).isEqualTo(2);
    }

    @Test
    void givenAnAbortableError_thenTheTransactionIsAbortedAndTheNextCommitSucceeds() {
        KafkaOffsetCommitter committer = committer();
        producer.sendOffsetsToTransactionException = new KafkaException("coordinator moved");
        assertThat(failureOf(committer.commit(at(1)))).isInstanceOf(KafkaException.class)
                .isNotInstanceOf(ReplicaFencedException.class);
        assertThat(producer.transactionAborted()).isTrue();
        producer.sendOffsetsToTransactionException = null;

        committer.commit(at(2)).join();

        assertThat(lastCommitted().get(new TopicPartition("eg.p30", 1)).offset()).isEqualTo(2);
    }

    @Test
    void givenTheProducerIsFenced_thenEveryCommitFailsWithReplicaFencedException() {
        KafkaOffsetCommitter committer = committer();
        committer.commit(at(1)).join();
        producer.fenceProducer();

        assertThat(failureOf(committer.commit(at(2)))).isInstanceOf(ReplicaFencedException.class);
        assertThat(failureOf(committer.commit(at(3)))).isInstanceOf(ReplicaFencedException.class);
        assertThat(committer.isFenced()).isTrue();
    }

    @Test
    void aFencingErrorWrappedByTheCommitIsRecognised() {
        KafkaOffsetCommitter committer = committer();
        producer.commitTransactionException = new KafkaException("cannot commit",
                new ProducerFencedException("epoch bumped"));

        assertThat(failureOf(committer.commit(at(1)))).isInstanceOf(ReplicaFencedException.class);
    }

    @Test
    void anInvalidProducerEpochCountsAsFenced() {
        KafkaOffsetCommitter committer = committer();
        producer.commitTransactionException = new InvalidProducerEpochException("old epoch");

        assertThat(failureOf(committer.commit(at(1)))).isInstanceOf(ReplicaFencedException.class);
    }

    @Test
    void givenTheAbortFailsFatally_thenTheCommitterFailsForGood() {
        KafkaOffsetCommitter committer = committer();
        producer.commitTransactionException = new KafkaException("not allowed");
        producer.abortTransactionException = new KafkaException("producer in a fatal state");
        assertThat(failureOf(committer.commit(at(1)))).isInstanceOf(CommitterFailedException.class);
        producer.commitTransactionException = null;
        producer.abortTransactionException = null;

        assertThat(failureOf(committer.commit(at(2)))).isInstanceOf(CommitterFailedException.class);
        assertThat(committer.isFenced()).isFalse();
    }

    @Test
    void nothingToCommitCompletesAtOnceWithoutATransaction() {
        committer().commit(Map.of()).join();

        assertThat(producer.transactionInitialized()).isFalse();
    }

    @Test
    void givenTheQueueIsFull_thenAFurtherCommitFailsAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch committing = new CountDownLatch(1);
        MockProducer<byte[], byte[]> stuck = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer()) {
            @Override
            public void commitTransaction() {
                committing.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.commitTransaction();
            }
        };
        KafkaOffsetCommitter committer = committer(stuck, Map.of());
        CompletableFuture<Void> first = committer.commit(at(0));
        assertThat(committing.await(10, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<Void>> queued = new ArrayList<>();
        for (int i = 1; i <= KafkaOffsetCommitter.MAX_QUEUED_COMMITS; i++) {
            queued.add(committer.commit(at(i)));
        }

        CompletableFuture<Void> rejected = committer.commit(at(99));

        assertThat(failureOf(rejected)).isInstanceOf(RejectedExecutionException.class);
        release.countDown();
        first.join();
        queued.forEach(CompletableFuture::join);
    }
}
