package io.eventgateway.application.admission;

import io.eventgateway.application.flow.FlowSignalListener;
import io.eventgateway.application.settings.DynamicSettingsSource;
import io.eventgateway.domain.admission.AimdController;
import io.eventgateway.domain.admission.AimdSettings;
import io.eventgateway.domain.classify.Classifier;
import io.eventgateway.domain.congestion.AdmissionAdvice;
import io.eventgateway.domain.congestion.FlowSignal;
import io.eventgateway.domain.congestion.FlowSignalBoard;
import java.time.Clock;
import java.time.Instant;

/**
 * The publisher's side of flow control: it keeps every replica's latest congestion state and, on each tick, turns
 * the board's advice into a new P10 admission rate (AIMD) for the classifier. Any fresh congested replica lowers
 * the rate; only all-fresh-and-clear raises it; missing or stale states hold it.
 */
public final class P10AdmissionService implements FlowSignalListener {

    private final FlowSignalBoard board;
    private final AimdController aimd;
    private final Classifier classifier;
    private final DynamicSettingsSource dynamicSettings;
    private final AdmissionMetrics metrics;
    private final Clock clock;

    /** @param classifier shared with the ingest service, which also synchronises on it */
    public P10AdmissionService(FlowSignalBoard board, AimdController aimd, Classifier classifier,
            DynamicSettingsSource dynamicSettings, AdmissionMetrics metrics, Clock clock) {
        this.board = board;
        this.aimd = aimd;
        this.classifier = classifier;
        this.dynamicSettings = dynamicSettings;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void onFlowSignal(FlowSignal signal) {
        Instant receivedAt = clock.instant();
        synchronized (board) {
            board.record(signal, receivedAt);
        }
    }

    /** Applies the current advice once; called every flow-control interval. Returns the new P10 rate. */
    public double tick() {
        Instant now = clock.instant();
        AdmissionAdvice advice;
        synchronized (board) {
            advice = board.advice(now);
        }
        double rate;
        synchronized (aimd) {
            AimdSettings wanted = dynamicSettings.current().aimd();
            if (!wanted.equals(aimd.settings())) {
                aimd.updateSettings(wanted);
            }
            double before = aimd.rate();
            rate = aimd.onSignal(advice, now);
            metrics.onAdvice(advice, before, rate);
        }
        synchronized (classifier) {
            classifier.setP10Rate(rate, now);
        }
        return rate;
    }

    public double p10Rate() {
        synchronized (aimd) {
            return aimd.rate();
        }
    }
}
