package io.eventgateway.application.recovery;

import io.eventgateway.domain.priority.Lane;

/** What recovery reports; the bootstrap implements it with Micrometer. */
public interface RecoveryMetrics {

    /** One record acked on its lane topic of the primary. */
    void onRedriven(RedriveSource source, Lane lane);

    /** One record that could not be redriven now, by why: {@code write_failed}, {@code unreadable}. */
    void onFailure(RedriveSource source, String reason);

    /** Records still waiting at {@code source}, as last measured. */
    void onPending(RedriveSource source, long records);

    /** Does nothing: for commands and tests that do not export metrics. */
    RecoveryMetrics NONE = new RecoveryMetrics() {
        @Override
        public void onRedriven(RedriveSource source, Lane lane) {
        }

        @Override
        public void onFailure(RedriveSource source, String reason) {
        }

        @Override
        public void onPending(RedriveSource source, long records) {
        }
    };
}
