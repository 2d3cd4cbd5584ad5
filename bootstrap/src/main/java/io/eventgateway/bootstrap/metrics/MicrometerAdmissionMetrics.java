package io.eventgateway.bootstrap.metrics;

import io.eventgateway.application.admission.AdmissionMetrics;
import io.eventgateway.domain.congestion.AdmissionAdvice;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** {@code eg.aimd.rate} (the P10 admission rate) and {@code eg.flow_control.advice{advice}} per tick. */
public final class MicrometerAdmissionMetrics implements AdmissionMetrics {

    private final MeterRegistry registry;
    private final AtomicLong rate = new AtomicLong();

    public MicrometerAdmissionMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("eg.aimd.rate", rate);
    }

    @Override
    public void onAdvice(AdmissionAdvice advice, double rateBefore, double rateAfter) {
        rate.set(Math.round(rateAfter));
        registry.counter("eg.flow_control.advice", "advice", advice.name().toLowerCase(Locale.ROOT)).increment();
    }
}
