package io.eventgateway.adapters.kafka.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.eventgateway.application.dispatch.ReplicaFencedException;
import io.eventgateway.application.dispatch.SourcePartition;
import io.eventgateway.domain.offset.OffsetCommit;
import io.eventgateway.domain.priority.Lane;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transactional offset commits against the shared broker, read back as the group's committed offsets. */
class KafkaOffsetCommitterIntegrationTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private DispatchTopics topics;
    private Admin admin;

    @BeforeEach
    void createTopics() {
        topics = closeLater(new DispatchTopics(2, 2, 2));
        admin = closeLater(Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, topics.bootstrapServers)));
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.add(0, closeable);
        return closeable;
    }

    /**
     * The group's committed offsets once {@code expected} partitions show one: a transaction's offsets reach the group
     * coordinator with its commit markers, which are written after {@code commitTransaction} returns.
     */
    private Map<TopicPartition, OffsetAndMetadata> groupOffsets(int expected) {
        AtomicReference<Map<TopicPartition, OffsetAndMetadata>> offsets = new AtomicReference<>(Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            offsets.set(admin.listConsumerGroupOffsets(topics.groupId).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS));
            return offsets.get().size() >= expected;
        });
        return offsets.get();
    }

    @Test
    void aCommittedPositionAndItsMetadataAreTheGroupsCommittedOffset() throws Exception {
        KafkaOffsetCommitter committer = closeLater(
                new KafkaOffsetCommitter(topics.settings(1, 2), Map::of, NoHandoffs.writer()));
        SourcePartition partition = new SourcePartition(topics.names.lane(Lane.P20), 1);

        committer.commit(Map.of(partition, new OffsetCommit(17, "v1:19-21", 0))).get(30, TimeUnit.SECONDS);

        OffsetAndMetadata committed = groupOffsets(1).get(new TopicPartition(partition.topic(), 1));
        assertThat(committed.offset()).isEqualTo(17);
        assertThat(committed.metadata()).isEqualTo("v1:19-21");
    }

    @Test
    void theResponsePositionIsCommittedWithTheLanePositions() throws Exception {
        SourcePartition response = new SourcePartition(topics.names.response(), 1);
        KafkaOffsetCommitter committer = closeLater(new KafkaOffsetCommitter(topics.settings(1, 2),
                () -> Map.of(response, new OffsetCommit(5, "", 0)), NoHandoffs.writer()));

        committer.commit(Map.of(new SourcePartition(topics.names.lane(Lane.P30), 1), new OffsetCommit(3, "", 0)))
                .get(30, TimeUnit.SECONDS);

        assertThat(groupOffsets(2)).containsEntry(new TopicPartition(response.topic(), 1), new OffsetAndMetadata(5, ""))
                .containsEntry(new TopicPartition(topics.names.lane(Lane.P30), 1), new OffsetAndMetadata(3, ""));
    }

    @Test
    void givenASecondProcessStartsWithTheSameIndex_thenTheFirstIsFencedOnItsNextCommit() throws Exception {
        SourcePartition partition = new SourcePartition(topics.names.lane(Lane.P30), 0);
        KafkaOffsetCommitter older = closeLater(
                new KafkaOffsetCommitter(topics.settings(0, 2), Map::of, NoHandoffs.writer()));
        older.commit(Map.of(partition, new OffsetCommit(1, "", 0))).get(30, TimeUnit.SECONDS);
        KafkaOffsetCommitter newer = closeLater(
                new KafkaOffsetCommitter(topics.settings(0, 2), Map::of, NoHandoffs.writer()));
        newer.start().get(30, TimeUnit.SECONDS);

        Throwable failure = catchThrowable(
                () -> older.commit(Map.of(partition, new OffsetCommit(2, "", 0))).get(30, TimeUnit.SECONDS));

        assertThat(failure).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ReplicaFencedException.class);
        assertThat(older.isFenced()).isTrue();
        newer.commit(Map.of(partition, new OffsetCommit(3, "", 0))).get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> groupOffsets(1).get(new TopicPartition(partition.topic(), 0)).offset() == 3);
    }

    @Test
    void aReplicaWithAnotherIndexIsNotFenced() throws Exception {
        SourcePartition partition = new SourcePartition(topics.names.lane(Lane.P30), 0);
        KafkaOffsetCommitter replicaZero = closeLater(
                new KafkaOffsetCommitter(topics.settings(0, 2), Map::of, NoHandoffs.writer()));
        replicaZero.start().get(30, TimeUnit.SECONDS);
        closeLater(new KafkaOffsetCommitter(topics.settings(1, 2), Map::of, NoHandoffs.writer())).start().get(30, TimeUnit.SECONDS);

        replicaZero.commit(Map.of(partition, new OffsetCommit(4, "", 0))).get(30, TimeUnit.SECONDS);

        assertThat(replicaZero.isFenced()).isFalse();
    }
}
