package io.eventgateway.application.admission;

import io.eventgateway.domain.congestion.AdmissionAdvice;

/** What P10 admission reports: each advice applied and the rate before and after it. */
public interface AdmissionMetrics {

    void onAdvice(AdmissionAdvice advice, double rateBefore, double rateAfter);

    AdmissionMetrics NONE = (advice, before, after) -> {
    };
}
