package io.eventgateway.adapters.grpc.ingest;

import io.eventgateway.application.ingest.EventReceipt;
import io.eventgateway.application.ingest.PublishEventsCommand;
import io.eventgateway.application.ingest.PublishEventsResult;
import io.eventgateway.application.ingest.PublishEventsUseCase;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Stands in for the application: records every command and answers it the way the test scripted. */
final class FakePublishEventsUseCase implements PublishEventsUseCase {

    private final List<PublishEventsCommand> commands = new CopyOnWriteArrayList<>();
    private volatile Function<PublishEventsCommand, CompletableFuture<PublishEventsResult>> answer =
            command -> CompletableFuture.completedFuture(new PublishEventsResult(List.of()));

    @Override
    public CompletableFuture<PublishEventsResult> publish(PublishEventsCommand command) {
        commands.add(command);
        return answer.apply(command);
    }

    void answerWith(Function<PublishEventsCommand, CompletableFuture<PublishEventsResult>> newAnswer) {
        this.answer = newAnswer;
    }

    void answerWithReceipts(EventReceipt... receipts) {
        answerWith(command -> CompletableFuture.completedFuture(new PublishEventsResult(List.of(receipts))));
    }

    void throwOnPublish(RuntimeException failure) {
        answerWith(command -> {
            throw failure;
        });
    }

    int commandCount() {
        return commands.size();
    }

    PublishEventsCommand onlyCommand() {
        if (commands.size() != 1) {
            throw new AssertionError("expected exactly one command, got " + commands.size());
        }
        return commands.get(0);
    }
}
