package io.eventgateway.bootstrap.config;

import io.eventgateway.domain.congestion.CongestionThresholds;
import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code eventgateway.flow-control.*} as an orchestrator replica reads it: how often it publishes its P10 congestion
 * state, how long publishers trust a state, and when the replica calls itself congested (see
 * {@link CongestionThresholds}).
 *
 * @param interval          how often each replica publishes its state
 * @param staleAfter        publishers hold once a replica's latest state is older than this; must exceed
 *                          {@code interval}, or every state would go stale between two publishes
 * @param oldestAgeFraction congested when the oldest buffered P10 task is older than this fraction of the P10 SLO
 * @param maxPollDelay      congested when the P10 lane consumer lags this much
 * @param maxPausedFor      congested when the P10 lane has been paused this long without interruption
 * @param clearFraction     clear again only when every signal is below this fraction of its limit
 */
@ConfigurationProperties("eventgateway.flow-control")
public record FlowControlConfig(Duration interval, Duration staleAfter, double oldestAgeFraction,
        Duration maxPollDelay, Duration maxPausedFor, double clearFraction) {

    public FlowControlConfig {
        requirePositive(interval, "interval");
        requirePositive(staleAfter, "stale-after");
        if (staleAfter.compareTo(interval) <= 0) {
            throw new IllegalArgumentException("eventgateway.flow-control.stale-after (" + staleAfter
                    + ") must be longer than eventgateway.flow-control.interval (" + interval
                    + "): each replica's state would go stale before the next one is published");
        }
        if (!(oldestAgeFraction > 0.0 && oldestAgeFraction <= 1.0)) {
            throw new IllegalArgumentException("eventgateway.flow-control.oldest-age-fraction must be in (0, 1], was "
                    + oldestAgeFraction);
        }
        requirePositive(maxPollDelay, "max-poll-delay");
        requirePositive(maxPausedFor, "max-paused-for");
        if (!(clearFraction > 0.0 && clearFraction < 1.0)) {
            throw new IllegalArgumentException("eventgateway.flow-control.clear-fraction must be in (0, 1), was "
                    + clearFraction);
        }
    }

    public CongestionThresholds thresholds() {
        return new CongestionThresholds(oldestAgeFraction, maxPollDelay, maxPausedFor, clearFraction);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("eventgateway.flow-control." + name
                    + " must be a positive duration, was " + value);
        }
    }
}
