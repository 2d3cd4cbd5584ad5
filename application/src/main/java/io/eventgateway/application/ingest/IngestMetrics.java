package io.eventgateway.application.ingest;

import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.time.Duration;

/** What the publisher reports about its work; the bootstrap implements it with Micrometer. */
public interface IngestMetrics {

    /** Time from receiving a batch to answering it. */
    void onBatchAnswered(Duration latency, int events);

    /** One event not stored, by why: {@code rejected}, {@code unavailable}. */
    void onEventFailed(String errorType);

    /** One event stored, by the priority and lane applied and the store that took it. */
    void onEventStored(Priority priority, Lane lane, StoreTarget target);

    /** One write attempt that failed or was skipped at {@code target}, sending the event down the chain. */
    void onFallback(StoreTarget target);

    /** One event routed to the rollout cluster. */
    void onRolloutRouted();

    /** Does nothing: for tests and for roles that do not publish. */
    IngestMetrics NONE = new IngestMetrics() {
        @Override
        public void onBatchAnswered(Duration latency, int events) {
        }

        @Override
        public void onEventFailed(String errorType) {
        }

        @Override
        public void onEventStored(Priority priority, Lane lane, StoreTarget target) {
        }

        @Override
        public void onFallback(StoreTarget target) {
        }

        @Override
        public void onRolloutRouted() {
        }
    };
}
