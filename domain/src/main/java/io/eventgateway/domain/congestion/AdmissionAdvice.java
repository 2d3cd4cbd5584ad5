package io.eventgateway.domain.congestion;

/**
 * What a publisher should do with its P10 admission rate, derived from every replica's congestion state. It
 * lives here, beside the signals it is derived from, so admission depends on congestion and not the reverse.
 */
public enum AdmissionAdvice {
    /** Some replica is congested: cut the rate. */
    DECREASE,
    /** Every replica is known to be clear: probe for more. */
    INCREASE,
    /** Not enough is known (a replica is silent or stale): keep the rate. */
    HOLD
}
