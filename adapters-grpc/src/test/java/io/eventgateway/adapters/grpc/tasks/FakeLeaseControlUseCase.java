package io.eventgateway.adapters.grpc.tasks;

import io.eventgateway.application.dispatch.LeaseControlUseCase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the lease table: records extensions and releases, answers as scripted. */
final class FakeLeaseControlUseCase implements LeaseControlUseCase {

    record Extension(String leaseId, Duration by) {
    }

    private final List<Extension> extensions = new CopyOnWriteArrayList<>();
    private final List<List<String>> releases = new CopyOnWriteArrayList<>();
    private volatile ExtendOutcome extendOutcome =
            new ExtendOutcome(ExtendOutcome.Status.EXTENDED, Duration.ofSeconds(30), false);
    private volatile RuntimeException failure;

    @Override
    public ExtendOutcome extend(String leaseId, Duration by) {
        extensions.add(new Extension(leaseId, by));
        if (failure != null) {
            throw failure;
        }
        return extendOutcome;
    }

    @Override
    public int release(List<String> taskIds) {
        releases.add(List.copyOf(taskIds));
        if (failure != null) {
            throw failure;
        }
        return taskIds.size();
    }

    void extendWith(ExtendOutcome outcome) {
        this.extendOutcome = outcome;
    }

    void failWith(RuntimeException newFailure) {
        this.failure = newFailure;
    }

    List<Extension> extensions() {
        return List.copyOf(extensions);
    }

    List<List<String>> releases() {
        return List.copyOf(releases);
    }
}
