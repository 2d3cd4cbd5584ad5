package io.eventgateway.adapters.kafka.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.eventgateway.domain.priority.Lane;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrchestratorKafkaSettingsTest {

    private static final OrchestratorKafkaSettings DEFAULTS = OrchestratorKafkaSettings.defaults("broker:9092", 2, 4);

    private static OrchestratorKafkaSettings withExtra(Map<String, String> extra) {
        return new OrchestratorKafkaSettings("broker:9092", "group", "eg", 0, 1, DEFAULTS.laneFetch(),
                FetchBounds.DEFAULT, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(5), extra);
    }

    @Test
    void theTransactionalIdNamesTheReplicaIndex() {
        assertThat(DEFAULTS.transactionalId()).isEqualTo("eventgateway-orch-2");
    }

    @Test
    void anIndexOutOfRangeIsRefusedWithTheDomainsMessage() {
        assertThatIllegalArgumentException().isThrownBy(() -> OrchestratorKafkaSettings.defaults("broker:9092", 4, 4))
                .withMessageContaining("replica index 4 is out of range for 4 replicas");
    }

    @Test
    void fetchBoundsMustBeGivenForEveryLane() {
        Map<Lane, FetchBounds> fetch = new EnumMap<>(DEFAULTS.laneFetch());
        fetch.remove(Lane.RETRY);

        assertThatIllegalArgumentException().isThrownBy(() -> new OrchestratorKafkaSettings("broker:9092", "group",
                "eg", 0, 1, fetch, FetchBounds.DEFAULT, Duration.ofMillis(100), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Map.of())).withMessageContaining("RETRY");
    }

    @ParameterizedTest
    @ValueSource(strings = {ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.GROUP_ID_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG})
    void anExtraPropertyTheSettingsOwnIsRefused(String owned) {
        assertThatIllegalArgumentException().isThrownBy(() -> withExtra(Map.of(owned, "x")))
                .withMessageContaining(owned);
    }

    @Test
    void extraPropertiesReachEveryClient() {
        OrchestratorKafkaSettings settings = withExtra(Map.of("security.protocol", "SSL"));

        assertThat(settings.laneConsumerProperties(Lane.P30)).containsEntry("security.protocol", "SSL");
        assertThat(settings.responseConsumerProperties()).containsEntry("security.protocol", "SSL");
        assertThat(settings.committerProperties()).containsEntry("security.protocol", "SSL");
    }

    @ParameterizedTest
    @EnumSource(Lane.class)
    void aLaneConsumerReadsCommittedDataWithoutAutoCommitOrReset(Lane lane) {
        Map<String, Object> props = DEFAULTS.laneConsumerProperties(lane);

        assertThat(props).containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none")
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, OrchestratorKafkaSettings.DEFAULT_GROUP_ID);
    }

    @Test
    void eachLaneConsumerHasItsOwnFetchBounds() {
        Map<Lane, FetchBounds> fetch = new EnumMap<>(DEFAULTS.laneFetch());
        fetch.put(Lane.P10, new FetchBounds(50, 1_000_000, 100_000));
        OrchestratorKafkaSettings settings = new OrchestratorKafkaSettings("broker:9092", "group", "eg", 0, 1, fetch,
                FetchBounds.DEFAULT, Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(5), Map.of());

        assertThat(settings.laneConsumerProperties(Lane.P10)).containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50)
                .containsEntry(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 1_000_000)
                .containsEntry(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 100_000);
        assertThat(settings.laneConsumerProperties(Lane.P30))
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, FetchBounds.DEFAULT.maxPollRecords());
    }

    @Test
    void theCommitterIsTransactionalAndBoundedByTheCommitTimeout() {
        assertThat(DEFAULTS.committerProperties())
                .containsEntry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "eventgateway-orch-2")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, DEFAULTS.commitTimeout().toMillis());
    }

    @Test
    void aZeroPollTimeoutIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OrchestratorKafkaSettings("broker:9092", "group",
                "eg", 0, 1, DEFAULTS.laneFetch(), FetchBounds.DEFAULT, Duration.ZERO, Duration.ofSeconds(5),
                Duration.ofSeconds(5), Map.of())).withMessageContaining("pollTimeout");
    }

    @Test
    void aPartitionFetchLargerThanTheWholeFetchIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FetchBounds(10, 1000, 1001))
                .withMessageContaining("maxPartitionFetchBytes");
    }
}
