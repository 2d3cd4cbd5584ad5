package io.eventgateway.application.dispatch;

import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records metric callbacks as short strings, for tests that check what was reported. */
class RecordingMetrics implements DispatchMetrics {

    final List<String> events = new ArrayList<>();

    @Override
    public void onLeased(int tasks, long bytes, Duration waited) {
        events.add("leased " + tasks);
    }

    @Override
    public void onSlo(Priority priority, boolean met) {
        events.add("slo " + priority + " " + (met ? "met" : "missed"));
    }

    @Override
    public void onResponse(ResponseKind kind) {
        events.add("response " + kind);
    }

    @Override
    public void onLeaseExpired(Lane lane) {
        events.add("expired " + lane);
    }

    @Override
    public void onExpiriesHeldBack(int leases) {
        if (leases > 0) {
            events.add("held back " + leases);
        }
    }

    @Override
    public void onDeadLettered(Lane lane, DeadLetterCause cause) {
        events.add("dead-lettered " + lane + " " + cause);
    }

    @Override
    public void onRetryScheduled(Lane lane, int level) {
        events.add("retry " + lane + " level " + level);
    }

    @Override
    public void onHandoffFailed(Lane lane) {
        events.add("handoff failed " + lane);
    }

    @Override
    public void onCorruptRecord(Lane lane) {
        events.add("corrupt " + lane);
    }

    @Override
    public void onCommitTruncated(SourcePartition partition, int droppedRanges) {
        events.add("truncated " + partition);
    }
}
