package io.eventgateway.domain.ingest;

import java.time.Duration;

/**
 * Bounds on what a producer may send. Request-level bounds ({@code maxEventsPerRequest}, {@code maxRequestBytes})
 * refuse a whole request; the others refuse one event.
 *
 * @param maxDeadlineAhead how far after ingest a requested deadline may lie before it is absurd
 * @param maxDelayAhead    how far after ingest {@code delay_until} may lie; must stay well under topic retention
 */
public record IngestLimits(
        int maxEventsPerRequest,
        long maxRequestBytes,
        int maxPayloadBytes,
        int maxFieldLength,
        int maxAttributes,
        int maxAttributeValueLength,
        Duration maxDeadlineAhead,
        Duration maxDelayAhead) {

    public static IngestLimits defaults() {
        return new IngestLimits(10_000, 16L * 1024 * 1024, 1024 * 1024, 256, 64, 4096,
                Duration.ofDays(7), Duration.ofDays(1));
    }

    public IngestLimits {
        requirePositive(maxEventsPerRequest, "maxEventsPerRequest");
        requirePositive(maxRequestBytes, "maxRequestBytes");
        requirePositive(maxPayloadBytes, "maxPayloadBytes");
        requirePositive(maxFieldLength, "maxFieldLength");
        requirePositive(maxAttributes, "maxAttributes");
        requirePositive(maxAttributeValueLength, "maxAttributeValueLength");
        if (maxDeadlineAhead == null || maxDeadlineAhead.isNegative() || maxDeadlineAhead.isZero()) {
            throw new IllegalArgumentException("maxDeadlineAhead must be positive, was " + maxDeadlineAhead);
        }
        if (maxDelayAhead == null || maxDelayAhead.isNegative()) {
            throw new IllegalArgumentException("maxDelayAhead must be >= 0, was " + maxDelayAhead);
        }
        if (maxPayloadBytes > maxRequestBytes) {
            throw new IllegalArgumentException("maxPayloadBytes (" + maxPayloadBytes
                    + ") must not exceed maxRequestBytes (" + maxRequestBytes + ")");
        }
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
