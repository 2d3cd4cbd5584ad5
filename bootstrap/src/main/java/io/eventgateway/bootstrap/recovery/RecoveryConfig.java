package io.eventgateway.bootstrap.recovery;

import io.eventgateway.application.recovery.PacingSettings;
import io.eventgateway.application.recovery.RedriveBackoff;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code eventgateway.recovery.*}: the recovery role and the {@code replay-s3} and {@code dlq} commands.
 *
 * @param groupId          consumer group of the recovery role on the alternate's failed-writes topic
 * @param rate             records per second redriven at most, per process, over all lanes
 * @param burst            records that may go at once after a quiet spell
 * @param congestionPause  how long P10 and offload records wait while an orchestrator reports P10 congestion
 * @param pollTimeout      how long one poll of the failed-writes topic waits
 * @param batchSize        records redriven between two commits (failed writes) or marker writes (DLQ)
 * @param writeTimeout     how long one write to the primary may take before it counts as failed
 * @param ackTimeout       how long a batch may wait for the primary's acks
 * @param commitTimeout    how long a commit on the alternate may take
 * @param backoffInitial   the wait after the primary refused a batch; doubled per failure in a row
 * @param backoffMax       ... up to this
 * @param requestTimeout   how long the commands wait for a cluster or bucket before calling it unreachable
 * @param progressInterval how often {@code replay-s3} prints a progress line when not on a terminal
 */
@ConfigurationProperties("eventgateway.recovery")
public record RecoveryConfig(
        String groupId,
        double rate,
        int burst,
        Duration congestionPause,
        Duration pollTimeout,
        int batchSize,
        Duration writeTimeout,
        Duration ackTimeout,
        Duration commitTimeout,
        Duration backoffInitial,
        Duration backoffMax,
        Duration requestTimeout,
        Duration progressInterval) {

    public PacingSettings pacing() {
        return new PacingSettings(rate, burst, congestionPause);
    }

    public RedriveBackoff backoff() {
        return new RedriveBackoff(backoffInitial, backoffMax);
    }
}
