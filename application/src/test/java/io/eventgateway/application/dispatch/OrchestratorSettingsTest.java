package io.eventgateway.application.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.domain.replica.ReplicaIdentity;
import io.eventgateway.domain.retry.RetrySettings;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class OrchestratorSettingsTest {

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("maxUncommittedSpan", (Consumer<TestSettings>) s -> s.maxUncommittedSpan = 0),
                Arguments.of("maxCommitMetadataBytes", (Consumer<TestSettings>) s -> s.maxCommitMetadataBytes = -1),
                Arguments.of("leaseEpoch", (Consumer<TestSettings>) s -> s.leaseEpoch = -1),
                Arguments.of("idleRecommitInterval", (Consumer<TestSettings>) s -> s.idleRecommitInterval = Duration.ZERO),
                Arguments.of("maxWaiters", (Consumer<TestSettings>) s -> s.maxWaiters = -1),
                Arguments.of("retry.maxDeliveries", (Consumer<TestSettings>) s -> s.retry =
                        new RetrySettings(1, Duration.ofSeconds(1), 1.0, Duration.ZERO, 1, 7)),
                Arguments.of("dedupWindow", (Consumer<TestSettings>) s -> s.dedupWindow = Duration.ofSeconds(-1)),
                Arguments.of("dedupMaxEntries", (Consumer<TestSettings>) s -> s.dedupMaxEntries = -1),
                Arguments.of("handoffRetryDelay", (Consumer<TestSettings>) s -> s.handoffRetryDelay = null),
                Arguments.of("replica", (Consumer<TestSettings>) s -> s.replica = null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void anInvalidFieldIsRejectedByName(String field, Consumer<TestSettings> breakIt) {
        TestSettings settings = new TestSettings();
        breakIt.accept(settings);

        assertThatThrownBy(settings::build).hasMessageContaining(field);
    }

    @Test
    void theDefaultsKeepTheBrokersMetadataLimit() {
        OrchestratorSettings settings = OrchestratorSettings.defaults(new ReplicaIdentity(1, 3), 1_700_000_000_000L);

        assertThat(settings.maxCommitMetadataBytes()).isEqualTo(4096);
        assertThat(settings.replica().index()).isEqualTo(1);
    }
}
