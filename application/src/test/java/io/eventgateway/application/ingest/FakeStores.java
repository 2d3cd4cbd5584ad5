package io.eventgateway.application.ingest;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory stores for the fallback chain whose health a test switches. */
final class FakeStores {

    enum Health { UP, FAILING, HANGING }

    static final class Writer implements LaneTopicWriter, FailedWriteStore {
        private final String name;
        final List<LaneWrite> stored = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();
        volatile Health health = Health.UP;

        Writer(String name) {
            this.name = name;
        }

        @Override
        public CompletableFuture<StoredLocation> write(LaneWrite write) {
            calls.incrementAndGet();
            return switch (health) {
                case UP -> {
                    stored.add(write);
                    StoredLocation location = name.equals("alternate")
                            ? new StoredLocation.Alternate("eg.failed-writes", 0, stored.size() - 1)
                            : new StoredLocation.Primary(name, "eg." + write.lane().shortName(), 0, stored.size() - 1);
                    yield CompletableFuture.completedFuture(location);
                }
                case FAILING -> CompletableFuture.failedFuture(new IllegalStateException(name + " is down"));
                case HANGING -> new CompletableFuture<>();
            };
        }
    }

    static final class Spool implements SpoolStore {
        final List<List<LaneWrite>> objects = new CopyOnWriteArrayList<>();
        volatile Health health = Health.UP;

        @Override
        public CompletableFuture<StoredLocation> writeBatch(List<LaneWrite> writes) {
            return switch (health) {
                case UP -> {
                    objects.add(List.copyOf(writes));
                    yield CompletableFuture.completedFuture(new StoredLocation.Spool("spool", "obj-" + objects.size()));
                }
                case FAILING -> CompletableFuture.failedFuture(new IllegalStateException("s3 is down"));
                case HANGING -> new CompletableFuture<>();
            };
        }
    }

    private FakeStores() {
    }
}
