package io.eventgateway.application.ingest;

import io.eventgateway.domain.fallback.CircuitBreaker;
import io.eventgateway.domain.fallback.CircuitBreaker.Permission;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One link of the fallback chain behind a circuit breaker and a timeout: a dead target costs at most one timeout
 * per probe interval instead of one per write.
 */
final class GuardedTarget {

    private final StoreTarget target;
    private final CircuitBreaker breaker;
    private final Duration timeout;
    private final Clock clock;
    private final IngestMetrics metrics;
    private final AtomicLong attempts = new AtomicLong();

    GuardedTarget(StoreTarget target, CircuitBreaker breaker, Duration timeout, Clock clock, IngestMetrics metrics) {
        this.target = target;
        this.breaker = breaker;
        this.timeout = timeout;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Runs {@code write} unless the circuit is open; the future fails on error, timeout or skip, and each such
     * failure is counted as a fallback from this target.
     */
    <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> write) {
        Permission permission;
        synchronized (breaker) {
            permission = breaker.permission(clock.instant());
        }
        if (permission == Permission.SKIP) {
            metrics.onFallback(target);
            return CompletableFuture.failedFuture(new TargetUnavailableException(target + " circuit is open"));
        }
        attempts.incrementAndGet();
        CompletableFuture<T> attempt;
        try {
            attempt = write.get();
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        return attempt.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, failure) -> {
            synchronized (breaker) {
                if (failure == null) {
                    breaker.onSuccess();
                } else {
                    breaker.onFailure(clock.instant());
                }
            }
            if (failure != null) {
                metrics.onFallback(target);
            }
        });
    }

    StoreTarget target() {
        return target;
    }

    /** Writes actually tried against the target (not skipped), for tests and metrics. */
    long attempts() {
        return attempts.get();
    }
}
