package io.eventgateway.sdk.processor;

import com.google.protobuf.InvalidProtocolBufferException;
import io.eventgateway.protocol.v1.ExtendLeaseRequest;
import io.eventgateway.protocol.v1.ExtendLeaseResponse;
import io.eventgateway.protocol.v1.FetchNextBatchRequest;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import io.eventgateway.protocol.v1.LeasedTask;
import io.eventgateway.protocol.v1.Outcome;
import io.eventgateway.protocol.v1.ReleaseRequest;
import io.eventgateway.protocol.v1.StoredRecord;
import io.eventgateway.protocol.v1.TaskResponse;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Leases events from one or more orchestrator replicas, runs an {@link EventHandler} on each (or a {@link
 * BatchEventHandler} on batches of one lease's events), and publishes one response per task to the replica's
 * partition of the response topic.
 *
 * <p>Every orchestrator has its own fetch thread with at most one long-poll outstanding, so an empty replica holding
 * a poll open never delays work another replica has. A fetch asks only for tasks there are free slots for: the runner
 * never holds more tasks than {@code concurrency}. While its poll is open a replica holds at most its fair share of
 * the slots ({@code concurrency / orchestrators}); configure at least one slot per orchestrator. Failed fetches back
 * off exponentially with jitter.
 *
 * <p>Leases: a task whose lease has run out before a worker reaches it is dropped (the orchestrator redelivers it);
 * leases with handlers still running are extended once two thirds of their TTL has passed; a response for a task
 * whose lease has expired is still published, since the orchestrator accepts a late ACK.
 *
 * <p>{@link #close()} stops fetching (an open long-poll is let answer, so what it leases is released rather than left
 * to expire), lets running handlers finish within the shutdown grace and publishes their responses, releases the
 * tasks that were fetched but not started and those whose handler outlived the grace (a late outcome of those is
 * dropped, never published), and flushes the publisher.
 */
public final class ProcessorRunner implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ProcessorRunner.class.getName());
    /** How often leases are checked for a due extension: far below any sensible TTL, cheap for a handful of leases. */
    private static final Duration LEASE_CHECK_INTERVAL = Duration.ofMillis(50);

    private final List<Orchestrator> orchestrators;
    private final BatchEventHandler handler;
    private final ResponsePublisher publisher;
    private final boolean ownsPublisher;
    private final ProcessorSettings settings;
    private final Clock clock;
    private final Backoff backoff;
    private final RecentEventIds recentlyAcked;
    private final ProcessorCounters counters = new ProcessorCounters();
    private final Semaphore slots;
    private final int pollShare;
    private final ExecutorService workers;
    private final ScheduledExecutorService leaseChecker;
    private final List<Thread> fetchThreads = new ArrayList<>();
    private final Set<Lease> leases = ConcurrentHashMap.newKeySet();
    private final Map<Orchestrator, List<String>> unstarted = new LinkedHashMap<>();
    /** Tasks in a running handler; whoever removes a task first, its worker or {@link #close()}, answers for it. */
    private final Map<String, Orchestrator> running = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private ProcessorRunner(List<Orchestrator> orchestrators, BatchEventHandler handler, ResponsePublisher publisher,
            boolean ownsPublisher, ProcessorSettings settings, Clock clock, RandomGenerator random) {
        this.orchestrators = List.copyOf(orchestrators);
        this.handler = handler;
        this.publisher = publisher;
        this.ownsPublisher = ownsPublisher;
        this.settings = settings;
        this.clock = clock;
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), random);
        this.recentlyAcked = settings.dedupWindow() > 0 ? new RecentEventIds(settings.dedupWindow()) : null;
        this.slots = new Semaphore(settings.concurrency(), true);
        this.pollShare = Math.max(1, settings.concurrency() / orchestrators.size());
        AtomicInteger workerNumber = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(settings.concurrency(), runnable -> daemon(runnable,
                "eventgateway-processor-worker-" + workerNumber.incrementAndGet()));
        this.leaseChecker = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable,
                "eventgateway-processor-leases"));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts one fetch thread per orchestrator and the lease checker; a second call does nothing. */
    public ProcessorRunner start() {
        if (closed.get()) {
            throw new IllegalStateException("the runner is closed");
        }
        if (!started.compareAndSet(false, true)) {
            return this;
        }
        long interval = LEASE_CHECK_INTERVAL.toMillis();
        leaseChecker.scheduleWithFixedDelay(this::extendDueLeases, interval, interval, TimeUnit.MILLISECONDS);
        for (Orchestrator orchestrator : orchestrators) {
            Thread thread = daemon(() -> fetchLoop(orchestrator), "eventgateway-processor-fetch-" + orchestrator.name());
            fetchThreads.add(thread);
            thread.start();
        }
        return this;
    }

    public ProcessorStats stats() {
        return counters.snapshot();
    }

    private boolean isClosing() {
        return closing.getCount() == 0;
    }

    private void fetchLoop(Orchestrator orchestrator) {
        int failuresInARow = 0;
        while (!isClosing()) {
            int reserved;
            try {
                reserved = reserveSlots();
            } catch (InterruptedException e) {
                return;
            }
            if (reserved == 0) {
                return;
            }
            FetchNextBatchResponse response;
            try {
                response = orchestrator.blocking()
                        .withDeadlineAfter(settings.longPollWait().plus(settings.callTimeout()).toMillis(),
                                TimeUnit.MILLISECONDS)
                        .fetchNextBatch(fetchRequest(reserved));
            } catch (StatusRuntimeException e) {
                slots.release(reserved);
                if (isClosing()) {
                    return;
                }
                failuresInARow++;
                LOG.log(System.Logger.Level.DEBUG, "fetch from {0} failed: {1}", orchestrator.name(), e.getStatus());
                if (awaitClosing(backoff.after(failuresInARow))) {
                    return;
                }
                continue;
            }
            failuresInARow = 0;
            accept(orchestrator, response, reserved);
        }
    }

    /**
     * Waits for one slot, then takes as many more as are free, up to this poll's share and the fetch limit.
     *
     * @return the slots reserved, or 0 when the runner started closing meanwhile
     */
    private int reserveSlots() throws InterruptedException {
        while (!slots.tryAcquire(LEASE_CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
            if (isClosing()) {
                return 0;
            }
        }
        if (isClosing()) {
            slots.release();
            return 0;
        }
        int wanted = Math.min(settings.maxTasksPerFetch(), pollShare) - 1;
        int extra = Math.min(wanted, slots.availablePermits());
        while (extra > 0 && !slots.tryAcquire(extra)) {
            extra = Math.min(wanted, slots.availablePermits());
        }
        return 1 + Math.max(extra, 0);
    }

    private FetchNextBatchRequest fetchRequest(int maxTasks) {
        return FetchNextBatchRequest.newBuilder()
                .setProcessorId(settings.processorId())
                .setMaxTasks(maxTasks)
                .setMaxBytes(settings.maxBytesPerFetch())
                .setWaitMs(settings.longPollWait().toMillis())
                .setLeaseTtlMs(settings.leaseTtl().toMillis())
                .build();
    }

    private void accept(Orchestrator orchestrator, FetchNextBatchResponse response, int reserved) {
        List<LeasedTask> tasks = response.getTasksList();
        counters.fetched.addAndGet(tasks.size());
        if (tasks.size() > reserved) {
            // More than max_tasks breaks the contract; running them would break the concurrency bound.
            release(orchestrator, tasks.subList(reserved, tasks.size()).stream().map(LeasedTask::getTaskId).toList());
            tasks = tasks.subList(0, reserved);
        }
        slots.release(reserved - tasks.size());
        if (tasks.isEmpty()) {
            return;
        }
        List<String> taskIds = tasks.stream().map(LeasedTask::getTaskId).toList();
        if (settings.dryRun()) {
            release(orchestrator, taskIds);
            slots.release(tasks.size());
            return;
        }
        if (isClosing()) {
            handBack(orchestrator, taskIds);
            slots.release(tasks.size());
            return;
        }
        Lease lease = new Lease(response.getLeaseId(), orchestrator, response.getReplicaIndex(),
                Duration.ofMillis(response.getLeaseTtlMs()), tasks.size(), clock.instant());
        leases.add(lease);
        for (int from = 0; from < tasks.size(); from += settings.batchSize()) {
            List<LeasedTask> batch = List.copyOf(tasks.subList(from, Math.min(tasks.size(),
                    from + settings.batchSize())));
            workers.execute(() -> run(lease, batch));
        }
    }

    private void run(Lease lease, List<LeasedTask> batch) {
        boolean started = false;
        try {
            if (isClosing()) {
                handBack(lease.source(), batch.stream().map(LeasedTask::getTaskId).toList());
                return;
            }
            if (lease.expiredAt(clock.instant())) {
                counters.expiredBeforeStart.addAndGet(batch.size());
                return;
            }
            lease.started(batch.size());
            started = true;
            batch.forEach(task -> running.put(task.getTaskId(), lease.source()));
            List<HandlerOutcome> outcomes = execute(batch);
            for (int i = 0; i < batch.size(); i++) {
                String taskId = batch.get(i).getTaskId();
                // close() may have released the task after the grace: its outcome no longer counts.
                if (running.remove(taskId) != null) {
                    publish(lease.replicaIndex(), taskId, outcomes.get(i));
                }
            }
        } finally {
            if (lease.finished(batch.size(), started)) {
                leases.remove(lease);
            }
            slots.release(batch.size());
        }
    }

    /** One outcome per task, in order: decoding failures and dedup hits are answered here, the rest by the handler. */
    private List<HandlerOutcome> execute(List<LeasedTask> batch) {
        HandlerOutcome[] outcomes = new HandlerOutcome[batch.size()];
        List<ProcessorEvent> events = new ArrayList<>(batch.size());
        List<Integer> positions = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            LeasedTask task = batch.get(i);
            StoredRecord stored;
            try {
                stored = StoredRecord.parseFrom(task.getStoredRecord());
            } catch (InvalidProtocolBufferException e) {
                // No retry can make these bytes parse.
                outcomes[i] = HandlerOutcome.fail("undecodable stored record: " + e.getMessage());
                continue;
            }
            ProcessorEvent event = ProcessorEvent.from(task, stored);
            if (recentlyAcked != null && recentlyAcked.contains(event.eventId())) {
                outcomes[i] = HandlerOutcome.ack();
                continue;
            }
            events.add(event);
            positions.add(i);
        }
        if (!events.isEmpty()) {
            List<HandlerOutcome> decided = handle(events);
            for (int j = 0; j < events.size(); j++) {
                HandlerOutcome outcome = decided.get(j) == null
                        ? new HandlerOutcome.Retry(null, "the handler returned no outcome")
                        : decided.get(j);
                if (recentlyAcked != null && outcome instanceof HandlerOutcome.Ack) {
                    recentlyAcked.remember(events.get(j).eventId());
                }
                outcomes[positions.get(j)] = outcome;
            }
        }
        return Arrays.asList(outcomes);
    }

    /** The handler's outcomes, or RETRY for every event when it throws or answers for a different number of events. */
    private List<HandlerOutcome> handle(List<ProcessorEvent> events) {
        List<HandlerOutcome> decided;
        try {
            decided = handler.handleBatch(List.copyOf(events));
        } catch (Exception e) {
            return Collections.nCopies(events.size(), new HandlerOutcome.Retry(null, String.valueOf(e.getMessage())));
        }
        if (decided == null || decided.size() != events.size()) {
            HandlerOutcome retry = new HandlerOutcome.Retry(null, "the handler returned "
                    + (decided == null ? "no outcomes" : decided.size() + " outcomes") + " for " + events.size()
                    + " events");
            return Collections.nCopies(events.size(), retry);
        }
        return decided;
    }

    private void publish(int replicaIndex, String taskId, HandlerOutcome outcome) {
        TaskResponse.Builder response = TaskResponse.newBuilder()
                .setTaskId(taskId)
                .setProcessorId(settings.processorId())
                .setRespondedAtMs(clock.millis());
        if (outcome instanceof HandlerOutcome.Retry retry) {
            response.setOutcome(Outcome.RETRY).setReason(retry.reason());
            if (retry.after() != null) {
                response.setRetryAfterMs(retry.after().toMillis());
            }
            counters.retried.incrementAndGet();
        } else if (outcome instanceof HandlerOutcome.Fail fail) {
            response.setOutcome(Outcome.FAIL).setReason(fail.reason());
            counters.failed.incrementAndGet();
        } else {
            response.setOutcome(Outcome.ACK);
            counters.acked.incrementAndGet();
        }
        try {
            publisher.publish(replicaIndex, response.build());
        } catch (RuntimeException e) {
            // Only a handler that outlived the shutdown grace meets a closed publisher; its lease will expire.
            LOG.log(System.Logger.Level.WARNING, "could not publish the response to {0}: {1}", taskId, e.toString());
        }
    }

    private void extendDueLeases() {
        Instant now = clock.instant();
        for (Lease lease : leases) {
            if (lease.claimExtension(now)) {
                extend(lease);
            }
        }
    }

    private void extend(Lease lease) {
        ExtendLeaseRequest request = ExtendLeaseRequest.newBuilder()
                .setLeaseId(lease.leaseId())
                .setExtendByMs(lease.extendBy().toMillis())
                .build();
        lease.source().async()
                .withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .extendLease(request, new StreamObserver<>() {
                    @Override
                    public void onNext(ExtendLeaseResponse response) {
                        lease.extended(clock.instant(), Duration.ofMillis(response.getLeaseTtlMs()));
                        counters.extensions.incrementAndGet();
                    }

                    @Override
                    public void onError(Throwable failure) {
                        lease.extensionFailed();
                    }

                    @Override
                    public void onCompleted() {
                        // onNext has recorded the extension.
                    }
                });
    }

    /** Keeps tasks that will not be started for {@link #close()} to release in one call per orchestrator. */
    private void handBack(Orchestrator orchestrator, List<String> taskIds) {
        synchronized (unstarted) {
            unstarted.computeIfAbsent(orchestrator, key -> new ArrayList<>()).addAll(taskIds);
        }
    }

    /** Tasks whose handler is still running after the grace are released rather than left to expire. */
    private void handBackOutlivedHandlers() {
        for (String taskId : List.copyOf(running.keySet())) {
            Orchestrator source = running.remove(taskId);
            if (source != null) {
                handBack(source, List.of(taskId));
            }
        }
    }

    private void release(Orchestrator orchestrator, List<String> taskIds) {
        try {
            orchestrator.blocking()
                    .withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .release(ReleaseRequest.newBuilder().addAllTaskIds(taskIds).build());
            counters.released.addAndGet(taskIds.size());
        } catch (StatusRuntimeException e) {
            // The leases run out and the orchestrator redelivers: only the wait is lost.
            LOG.log(System.Logger.Level.WARNING, "could not release {0} tasks to {1}: {2}", taskIds.size(),
                    orchestrator.name(), e.getStatus());
        }
    }

    /** @return true when the runner started closing during the wait */
    private boolean awaitClosing(Duration wait) {
        try {
            return closing.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            return true;
        }
    }

    /**
     * Stops fetching, waits up to the shutdown grace for running handlers and publishes their responses, releases
     * what was fetched but not started, and flushes the publisher (closing it when the runner built it). Handlers
     * still running after the grace are interrupted and their tasks released; what they decide later is dropped.
     * Takes at most about
     * {@code longPollWait + callTimeout} (open polls) plus {@code shutdownGrace} plus one Release call per
     * orchestrator.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closing.countDown();
        try {
            // An open poll may be leasing tasks right now: let it answer so they can be released at once instead of
            // waiting out their lease. Only a poll that outlives its own deadline is cancelled.
            long pollDeadline = settings.longPollWait().plus(settings.callTimeout()).toMillis();
            for (Thread thread : fetchThreads) {
                thread.join(pollDeadline);
                // A blocking gRPC call cancels itself when its thread is interrupted.
                thread.interrupt();
            }
            workers.shutdown();
            if (!workers.awaitTermination(settings.shutdownGrace().toNanos(), TimeUnit.NANOSECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        leaseChecker.shutdownNow();
        handBackOutlivedHandlers();
        Map<Orchestrator, List<String>> toRelease;
        synchronized (unstarted) {
            toRelease = new LinkedHashMap<>(unstarted);
            unstarted.clear();
        }
        toRelease.forEach(this::release);
        publisher.flush();
        if (ownsPublisher) {
            publisher.close();
        }
        for (Orchestrator orchestrator : orchestrators) {
            if (orchestrator.owned()) {
                shutDown(orchestrator.channel());
            }
        }
    }

    private void shutDown(ManagedChannel channel) {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(settings.callTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Configures a runner. Required: at least one orchestrator ({@link #target(String)} or {@link
     * #channel(ManagedChannel)}), a {@link #handler(EventHandler)}, a processor id, and where responses go ({@link
     * #responseTopic(String, String)} or {@link #responsePublisher(ResponsePublisher)}).
     */
    public static final class Builder {

        private final List<String> targets = new ArrayList<>();
        private final List<ManagedChannel> channels = new ArrayList<>();
        private boolean plaintext;
        private BatchEventHandler handler;
        private int batchSize = 1;
        private ResponsePublisher publisher;
        private String bootstrapServers;
        private String topicPrefix;
        private String processorId;
        private int concurrency = 8;
        private int maxTasksPerFetch = 100;
        private long maxBytesPerFetch = 4L * 1024 * 1024;
        private Duration longPollWait = Duration.ofSeconds(5);
        private Duration leaseTtl = Duration.ZERO;
        private boolean dryRun;
        private int dedupWindow;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration shutdownGrace = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = new Random();

        private Builder() {
        }

        /** An orchestrator replica's address, e.g. {@code orchestrator-0:50052}; the runner owns the channel. */
        public Builder target(String hostAndPort) {
            targets.add(Objects.requireNonNull(hostAndPort, "hostAndPort"));
            return this;
        }

        /** A channel to an orchestrator that the caller keeps owning: the runner never shuts it down. */
        public Builder channel(ManagedChannel managedChannel) {
            channels.add(Objects.requireNonNull(managedChannel, "managedChannel"));
            return this;
        }

        /** Speaks plaintext to the {@link #target(String)}s instead of TLS: for local and test deployments. */
        public Builder usePlaintext() {
            this.plaintext = true;
            return this;
        }

        /** A handler that decides one event per call; each event runs on its own worker. */
        public Builder handler(EventHandler eventHandler) {
            Objects.requireNonNull(eventHandler, "eventHandler");
            // Collections.singletonList, unlike List.of, carries a null outcome through to the runner's null check.
            this.handler = events -> Collections.singletonList(eventHandler.handle(events.get(0)));
            this.batchSize = 1;
            return this;
        }

        /**
         * A handler that decides up to {@code maxBatchSize} events of one lease per call; replaces {@link
         * #handler(EventHandler)}. The concurrency still counts tasks, so one call holds as many slots as it has
         * events.
         */
        public Builder batchHandler(BatchEventHandler eventHandler, int maxBatchSize) {
            this.handler = Objects.requireNonNull(eventHandler, "eventHandler");
            this.batchSize = maxBatchSize;
            return this;
        }

        /** Publishes to {@code <topicPrefix>response} with a {@link KafkaResponsePublisher} the runner owns. */
        public Builder responseTopic(String kafkaBootstrapServers, String prefix) {
            this.bootstrapServers = Objects.requireNonNull(kafkaBootstrapServers, "kafkaBootstrapServers");
            this.topicPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** A publisher the caller owns: the runner flushes it on close but does not close it. */
        public Builder responsePublisher(ResponsePublisher responsePublisher) {
            this.publisher = Objects.requireNonNull(responsePublisher, "responsePublisher");
            return this;
        }

        /** Names this process in fetches and responses. */
        public Builder processorId(String id) {
            this.processorId = id;
            return this;
        }

        /** Handlers running at once and tasks in hand at most; default 8. */
        public Builder concurrency(int maxConcurrent) {
            this.concurrency = maxConcurrent;
            return this;
        }

        /** Default 100. */
        public Builder maxTasksPerFetch(int maxTasks) {
            this.maxTasksPerFetch = maxTasks;
            return this;
        }

        /** Default 4 MiB. */
        public Builder maxBytesPerFetch(long maxBytes) {
            this.maxBytesPerFetch = maxBytes;
            return this;
        }

        /** How long an orchestrator may hold a fetch while it has nothing; default 5 s. */
        public Builder longPollWait(Duration wait) {
            this.longPollWait = wait;
            return this;
        }

        /** The lease to ask for; default zero, the orchestrator's TTL. An orchestrator never grants more. */
        public Builder leaseTtl(Duration ttl) {
            this.leaseTtl = ttl;
            return this;
        }

        /** Fetch and release without running the handler: nothing is acked. */
        public Builder dryRun(boolean enabled) {
            this.dryRun = enabled;
            return this;
        }

        /**
         * Remembers the last {@code size} ACKed event ids and ACKs a redelivery of one without running the handler.
         * Best effort (in memory, this process only); off (0) by default.
         */
        public Builder dedupWindow(int size) {
            this.dedupWindow = size;
            return this;
        }

        /** The wait after the first failed fetch, doubling per further failure; default 100 ms. */
        public Builder initialBackoff(Duration backoff) {
            this.initialBackoff = backoff;
            return this;
        }

        /** Default 5 s. */
        public Builder maxBackoff(Duration backoff) {
            this.maxBackoff = backoff;
            return this;
        }

        /** How long close() lets running handlers finish; default 30 s. */
        public Builder shutdownGrace(Duration grace) {
            this.shutdownGrace = grace;
            return this;
        }

        /** Deadline of ExtendLease and Release, and slack on a fetch's wait; default 5 s. */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /** The clock lease deadlines and response timestamps are read from. */
        public Builder clock(Clock source) {
            this.clock = Objects.requireNonNull(source, "source");
            return this;
        }

        /** The source of backoff jitter. */
        public Builder random(RandomGenerator generator) {
            this.random = Objects.requireNonNull(generator, "generator");
            return this;
        }

        /** Builds a runner that does nothing until {@link ProcessorRunner#start()}. */
        public ProcessorRunner build() {
            if (targets.isEmpty() && channels.isEmpty()) {
                throw new IllegalStateException("add at least one orchestrator: target(...) or channel(...)");
            }
            if (handler == null) {
                throw new IllegalStateException("handler(...) or batchHandler(...) is required");
            }
            if ((publisher == null) == (bootstrapServers == null)) {
                throw new IllegalStateException("set exactly one of responseTopic(...) and responsePublisher(...)");
            }
            ProcessorSettings settings = new ProcessorSettings(processorId, concurrency, maxTasksPerFetch, batchSize,
                    maxBytesPerFetch, longPollWait, leaseTtl, dryRun, dedupWindow, initialBackoff, maxBackoff,
                    shutdownGrace, callTimeout);
            int orchestratorCount = targets.size() + channels.size();
            if (concurrency < orchestratorCount) {
                throw new IllegalArgumentException("concurrency (" + concurrency + ") must be at least the number of "
                        + "orchestrators (" + orchestratorCount + "): each needs a slot to poll with");
            }
            List<Orchestrator> orchestrators = new ArrayList<>();
            ChannelCredentials credentials = plaintext
                    ? InsecureChannelCredentials.create()
                    : TlsChannelCredentials.create();
            for (String target : targets) {
                orchestrators.add(new Orchestrator(target, Grpc.newChannelBuilder(target, credentials).build(), true));
            }
            for (ManagedChannel channel : channels) {
                orchestrators.add(new Orchestrator(channel.authority(), channel, false));
            }
            boolean ownsPublisher = publisher == null;
            ResponsePublisher responses = ownsPublisher
                    ? KafkaResponsePublisher.create(bootstrapServers, topicPrefix)
                    : publisher;
            return new ProcessorRunner(orchestrators, handler, responses, ownsPublisher, settings, clock, random);
        }
    }
}
