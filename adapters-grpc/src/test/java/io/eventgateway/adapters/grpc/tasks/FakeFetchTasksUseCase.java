package io.eventgateway.adapters.grpc.tasks;

import io.eventgateway.application.dispatch.FetchTasksCommand;
import io.eventgateway.application.dispatch.FetchTasksUseCase;
import io.eventgateway.application.dispatch.LeaseGrant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Stands in for the dispatcher: records every command and answers it the way the test scripted. */
final class FakeFetchTasksUseCase implements FetchTasksUseCase {

    private final BlockingQueue<FetchTasksCommand> unseen = new LinkedBlockingQueue<>();
    private volatile Function<FetchTasksCommand, CompletableFuture<LeaseGrant>> answer =
            command -> CompletableFuture.completedFuture(LeaseGrant.empty(0));
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public CompletableFuture<LeaseGrant> fetch(FetchTasksCommand command) {
        calls.incrementAndGet();
        try {
            return answer.apply(command);
        } finally {
            // Seen only once answered, so a test that awaits the command also sees what the answer set up.
            unseen.add(command);
        }
    }

    void answerWith(Function<FetchTasksCommand, CompletableFuture<LeaseGrant>> newAnswer) {
        this.answer = newAnswer;
    }

    void answerWithGrant(LeaseGrant grant) {
        answerWith(command -> CompletableFuture.completedFuture(grant));
    }

    void throwOnFetch(RuntimeException failure) {
        answerWith(command -> {
            throw failure;
        });
    }

    /** The next command the use case received, waiting for it to arrive. */
    FetchTasksCommand awaitCommand() throws InterruptedException {
        FetchTasksCommand command = unseen.poll(10, TimeUnit.SECONDS);
        if (command == null) {
            throw new AssertionError("the use case received no fetch");
        }
        return command;
    }

    List<FetchTasksCommand> awaitCommands(int count) throws InterruptedException {
        List<FetchTasksCommand> commands = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            commands.add(awaitCommand());
        }
        return commands;
    }

    boolean wasCalled() {
        return calls.get() > 0;
    }
}
