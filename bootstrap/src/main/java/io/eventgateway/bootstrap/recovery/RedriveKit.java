package io.eventgateway.bootstrap.recovery;

import io.eventgateway.adapters.kafka.flow.KafkaFlowSignalSource;
import io.eventgateway.adapters.kafka.flow.KafkaFlowSignalSourceSettings;
import io.eventgateway.adapters.kafka.publish.KafkaWriterSettings;
import io.eventgateway.adapters.kafka.recovery.KafkaRedriveWriter;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.recovery.PacedRedriver;
import io.eventgateway.application.recovery.Pause;
import io.eventgateway.application.recovery.RecoveryMetrics;
import io.eventgateway.application.recovery.RedrivePacer;
import io.eventgateway.application.record.StoredRecordCodec;
import io.eventgateway.domain.congestion.FlowSignalBoard;
import java.time.Clock;
import java.time.Duration;

/**
 * What every recovery path writes through: a redrive writer on the primary's lane topics, paced by the configured
 * rate and by the orchestrators' P10 congestion states, read from the flow-control topic by a source of its own.
 */
public final class RedriveKit implements AutoCloseable {

    private final KafkaRedriveWriter writer;
    private final KafkaFlowSignalSource flowSignals;
    private final PacedRedriver redriver;

    /**
     * @param replicas   orchestrator replicas whose congestion states are expected
     * @param staleAfter age past which a replica's state counts as unknown
     */
    public RedriveKit(RecoveryConfig config, String primaryServers, TopicNames names, StoredRecordCodec codec,
            Clock clock, int replicas, Duration staleAfter, Pause pause, RecoveryMetrics metrics) {
        this.writer = new KafkaRedriveWriter(KafkaWriterSettings.defaults(primaryServers, "primary",
                config.writeTimeout()), names, codec, clock);
        RedrivePacer pacer = new RedrivePacer(config.pacing(), new FlowSignalBoard(replicas, staleAfter),
                clock);
        KafkaFlowSignalSource source = null;
        try {
            source = new KafkaFlowSignalSource(KafkaFlowSignalSourceSettings.defaults(primaryServers), names);
            source.subscribe(pacer);
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
        this.flowSignals = source;
        this.redriver = new PacedRedriver(writer, pacer, pause, metrics, clock);
    }

    public PacedRedriver redriver() {
        return redriver;
    }

    @Override
    public void close() {
        try {
            flowSignals.close();
        } finally {
            writer.close();
        }
    }
}
