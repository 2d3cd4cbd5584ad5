package io.eventgateway.bootstrap.recovery;

import io.eventgateway.application.recovery.RecoveryMetrics;
import io.eventgateway.application.recovery.RedriveSource;
import io.eventgateway.domain.priority.Lane;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recovery metrics: {@code eg.recovery.redriven{source,lane}}, {@code eg.recovery.failures{source,reason}} and the
 * gauge {@code eg.recovery.pending{source}} (records still waiting at the source, as last measured).
 */
public final class MicrometerRecoveryMetrics implements RecoveryMetrics {

    private final MeterRegistry registry;
    private final Map<RedriveSource, AtomicLong> pending = new EnumMap<>(RedriveSource.class);

    public MicrometerRecoveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (RedriveSource source : RedriveSource.values()) {
            AtomicLong value = new AtomicLong();
            pending.put(source, value);
            Gauge.builder("eg.recovery.pending", value, AtomicLong::get)
                    .description("records waiting to be redriven, as last measured")
                    .tag("source", source.tag())
                    .register(registry);
        }
    }

    @Override
    public void onRedriven(RedriveSource source, Lane lane) {
        registry.counter("eg.recovery.redriven", "source", source.tag(), "lane", lane.shortName()).increment();
    }

    @Override
    public void onFailure(RedriveSource source, String reason) {
        registry.counter("eg.recovery.failures", "source", source.tag(), "reason", reason).increment();
    }

    @Override
    public void onPending(RedriveSource source, long records) {
        pending.get(source).set(records);
    }
}
