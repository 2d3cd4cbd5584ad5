package io.eventgateway.sdk.producer;

import static io.eventgateway.protocol.v1.EventResult.Status.REJECTED;
import static io.eventgateway.protocol.v1.EventResult.Status.STORED;
import static io.eventgateway.protocol.v1.EventResult.Status.UNAVAILABLE;
import static io.eventgateway.sdk.producer.ScriptedIngestService.fail;
import static io.eventgateway.sdk.producer.ScriptedIngestService.statuses;
import static io.eventgateway.sdk.producer.ScriptedIngestService.unavailableAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import io.eventgateway.protocol.v1.Event;
import io.eventgateway.protocol.v1.EventResult;
import io.eventgateway.protocol.v1.PublishEventsResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The producer against a real loopback gRPC server that answers from a script. The timeout runs each test on its own
 * thread: a blocking {@code publish} ignores interrupts, so a retry waiting too long fails the test instead of hanging.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventGatewayProducerTest {

    private final FakeGateway gateway = new FakeGateway();
    private final ScriptedIngestService script = gateway.service();
    private EventGatewayProducer producer = producer(5);

    @AfterEach
    void stop() throws InterruptedException {
        producer.close();
        gateway.stop();
    }

    /** Backoffs of a millisecond or two: retries are scheduled for real, but the suite does not wait on them. */
    private EventGatewayProducer producer(int maxAttempts) {
        return EventGatewayProducer.builder()
                .target(gateway.target())
                .usePlaintext()
                .maxAttempts(maxAttempts)
                .initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(2))
                .callTimeout(Duration.ofSeconds(5))
                .random(new Random(42))
                .build();
    }

    private void useProducer(EventGatewayProducer replacement) {
        producer.close();
        producer = replacement;
    }

    private static Event event(String id) {
        return Event.newBuilder().setEventId(id).setCompanyId("acme").setSourceName("billing")
                .setEventType("invoice.paid").build();
    }

    private static List<Event> events(String... ids) {
        return Arrays.stream(ids).map(EventGatewayProducerTest::event).toList();
    }

    private static StatusRuntimeException resourceExhausted(Duration retryAfter) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.RESOURCE_EXHAUSTED_VALUE)
                .setMessage("the gateway holds its limit of in-flight bytes")
                .addDetails(Any.pack(RetryInfo.newBuilder().setRetryDelay(com.google.protobuf.Duration.newBuilder()
                        .setSeconds(retryAfter.getSeconds()).setNanos(retryAfter.getNano())).build()))
                .build());
    }

    private static StatusRuntimeException invalidArgument() {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage("events has 3 events, more than the limit of 2")
                .addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField("events").setDescription("has 3 events, more than the limit of 2")).build()))
                .build());
    }

    @Test
    void givenRefusalThenPartialUnavailability_whenPublished_thenEveryEventEndsStoredInInputOrder() {
        script.then(fail(resourceExhausted(Duration.ofMillis(1))))
                .then(statuses(STORED, UNAVAILABLE, STORED, UNAVAILABLE))
                .then(statuses(STORED, STORED));

        PublishOutcome outcome = producer.publish(events("e-1", "e-2", "e-3", "e-4"));

        assertThat(outcome.allStored()).isTrue();
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.results()).extracting(EventResult::getEventId).containsExactly("e-1", "e-2", "e-3", "e-4");
        assertThat(script.idsSentIn(0)).containsExactly("e-1", "e-2", "e-3", "e-4");
        assertThat(script.idsSentIn(1)).containsExactly("e-1", "e-2", "e-3", "e-4");
        assertThat(script.idsSentIn(2)).containsExactly("e-2", "e-4");
    }

    @Test
    void eventsWithoutIdsGetUuidsThatEveryRetryResends() {
        script.then(fail(resourceExhausted(Duration.ofMillis(1))))
                .then(statuses(UNAVAILABLE, UNAVAILABLE));
        Event withoutId = Event.newBuilder().setCompanyId("acme").setSourceName("billing").setEventType("t").build();

        PublishOutcome outcome = producer.publish(List.of(withoutId, withoutId));

        List<String> firstIds = script.idsSentIn(0);
        assertThat(firstIds).hasSize(2).doesNotHaveDuplicates().allSatisfy(id -> UUID.fromString(id));
        assertThat(script.idsSentIn(1)).isEqualTo(firstIds);
        assertThat(script.idsSentIn(2)).isEqualTo(firstIds);
        assertThat(outcome.results()).extracting(EventResult::getEventId).isEqualTo(firstIds);
    }

    @Test
    void anEventThatHasAnIdKeepsIt() {
        producer.publish(events("mine-1"));

        assertThat(script.idsSentIn(0)).containsExactly("mine-1");
    }

    @Test
    void onlyTheEventsAnsweredUnavailableAreResent() {
        script.then(statuses(STORED, UNAVAILABLE, STORED, UNAVAILABLE));

        producer.publish(events("e-1", "e-2", "e-3", "e-4"));

        assertThat(script.requests()).hasSize(2);
        assertThat(script.idsSentIn(1)).containsExactly("e-2", "e-4");
    }

    @Test
    void rejectedEventsAreNeverResent() {
        script.then(statuses(REJECTED, UNAVAILABLE, REJECTED)).then(statuses(UNAVAILABLE)).then(statuses(STORED));

        PublishOutcome outcome = producer.publish(events("e-1", "e-2", "e-3"));

        assertThat(script.idsSentIn(1)).containsExactly("e-2");
        assertThat(script.idsSentIn(2)).containsExactly("e-2");
        assertThat(outcome.rejected()).extracting(EventResult::getEventId).containsExactly("e-1", "e-3");
        assertThat(outcome.stored()).extracting(EventResult::getEventId).containsExactly("e-2");
        assertThat(outcome.allStored()).isFalse();
    }

    @Test
    void givenEventsThatStayUnavailable_whenPublished_thenMaxAttemptsCallsAreMadeAndTheyEndUnavailable() {
        useProducer(producer(3));
        script.otherwise(unavailableAll());

        PublishOutcome outcome = producer.publish(events("e-1", "e-2"));

        assertThat(script.requests()).hasSize(3);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.unavailable()).extracting(EventResult::getEventId).containsExactly("e-1", "e-2");
        assertThat(outcome.unavailable()).allSatisfy(result ->
                assertThat(result.getError().getReason()).isEqualTo("every store failed"));
    }

    @Test
    void givenACallThatKeepsFailingUnavailable_whenPublished_thenMaxAttemptsCallsAreMadeAndTheEventsEndUnavailable() {
        useProducer(producer(3));
        script.otherwise(fail(Status.UNAVAILABLE.withDescription("connection refused").asRuntimeException()));

        PublishOutcome outcome = producer.publish(events("e-1", "e-2"));

        assertThat(script.requests()).hasSize(3);
        assertThat(outcome.attempts()).isEqualTo(3);
        assertThat(outcome.unavailable()).hasSize(2).allSatisfy(result -> assertThat(result.getError().getReason())
                .isEqualTo("the call failed with UNAVAILABLE: connection refused"));
    }

    @Test
    void aSingleAttemptMeansNoRetry() {
        useProducer(producer(1));
        script.then(statuses(UNAVAILABLE));

        PublishOutcome outcome = producer.publish(events("e-1"));

        assertThat(script.requests()).hasSize(1);
        assertThat(outcome.unavailable()).hasSize(1);
    }

    @Test
    void anInvalidArgumentCallIsNotRetriedAndItsEventsAreRejectedNamingTheField() {
        script.then(fail(invalidArgument()));

        PublishOutcome outcome = producer.publish(events("e-1", "e-2", "e-3"));

        assertThat(script.requests()).hasSize(1);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.rejected()).hasSize(3).allSatisfy(result -> {
            assertThat(result.getError().getField()).isEqualTo("events");
            assertThat(result.getError().getReason()).contains("INVALID_ARGUMENT", "more than the limit of 2");
        });
    }

    @Test
    void anInvalidArgumentOnARetryKeepsWhatEarlierAttemptsStored() {
        script.then(statuses(STORED, UNAVAILABLE)).then(fail(invalidArgument()));

        PublishOutcome outcome = producer.publish(events("e-1", "e-2"));

        assertThat(script.requests()).hasSize(2);
        assertThat(outcome.results()).extracting(EventResult::getStatus).containsExactly(STORED, REJECTED);
    }

    @Test
    void aCallFailingWithAnotherCodeIsNotRetriedAndItsEventsEndUnavailable() {
        script.then(fail(Status.INTERNAL.withDescription("boom").asRuntimeException()));

        PublishOutcome outcome = producer.publish(events("e-1"));

        assertThat(script.requests()).hasSize(1);
        assertThat(outcome.unavailable()).singleElement().satisfies(result ->
                assertThat(result.getError().getReason()).isEqualTo("the call failed with INTERNAL: boom"));
    }

    @Test
    void aRetryHintLongerThanMaxBackoffWaitsOnlyMaxBackoff() throws Exception {
        script.then(fail(resourceExhausted(Duration.ofHours(1))));

        // Honoured uncapped, the hour-long hint would make this wait time out.
        PublishOutcome outcome = producer.publishAsync(events("e-1")).get(10, TimeUnit.SECONDS);

        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(outcome.allStored()).isTrue();
    }

    @Test
    void aResponseWithTheWrongNumberOfResultsLeavesTheEventsUnavailable() {
        script.then(request -> PublishEventsResponse.getDefaultInstance());

        PublishOutcome outcome = producer.publish(events("e-1", "e-2"));

        assertThat(script.requests()).hasSize(1);
        assertThat(outcome.unavailable()).hasSize(2).allSatisfy(result ->
                assertThat(result.getError().getReason()).isEqualTo("the gateway answered 0 results for 2 events"));
    }

    @Test
    void anEmptyBatchMakesNoCall() {
        PublishOutcome outcome = producer.publish(List.of());

        assertThat(outcome.attempts()).isZero();
        assertThat(outcome.results()).isEmpty();
        assertThat(script.requests()).isEmpty();
    }

    @Test
    void manyConcurrentPublishesEachGetTheirOwnOutcome() {
        script.otherwise(request -> request.getEvents(0).getEventId().endsWith("-odd")
                ? statuses(UNAVAILABLE).apply(request) : statuses(STORED).apply(request));

        List<CompletableFuture<PublishOutcome>> outcomes = IntStream.range(0, 20)
                .mapToObj(i -> producer.publishAsync(events("e-" + i + (i % 2 == 1 ? "-odd" : "-even"))))
                .toList();

        for (int i = 0; i < outcomes.size(); i++) {
            PublishOutcome outcome = outcomes.get(i).join();
            assertThat(outcome.attempts()).isEqualTo(i % 2 == 1 ? 5 : 1);
            assertThat(outcome.allStored()).isEqualTo(i % 2 == 0);
        }
    }

    @Test
    void closingTheProducerFinishesAPublishWaitingForItsRetry() throws Exception {
        useProducer(EventGatewayProducer.builder().target(gateway.target()).usePlaintext()
                .initialBackoff(Duration.ofHours(1)).maxBackoff(Duration.ofHours(1)).build());
        script.then(statuses(UNAVAILABLE));

        CompletableFuture<PublishOutcome> pending = producer.publishAsync(events("e-1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !script.requests().isEmpty());
        producer.close();

        PublishOutcome outcome = pending.get(10, TimeUnit.SECONDS);
        assertThat(outcome.attempts()).isEqualTo(1);
        assertThat(outcome.unavailable()).singleElement().satisfies(result ->
                assertThat(result.getError().getReason()).contains("the producer was closed"));
        assertThat(script.requests()).hasSize(1);
    }

    @Test
    void aClosedProducerRefusesToPublish() {
        producer.close();

        assertThatThrownBy(() -> producer.publish(events("e-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aChannelPassedInIsLeftOpenWhenTheProducerCloses() {
        ManagedChannel channel = NettyChannelBuilder.forTarget(gateway.target()).usePlaintext().build();
        try {
            useProducer(EventGatewayProducer.builder().channel(channel).build());

            PublishOutcome outcome = producer.publish(events("e-1"));
            producer.close();

            assertThat(outcome.allStored()).isTrue();
            assertThat(channel.isShutdown()).isFalse();
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void aBuilderNeedsExactlyOneOfTargetAndChannel() {
        assertThatThrownBy(() -> EventGatewayProducer.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly one");
    }

    @Test
    void aBuilderRefusesZeroAttempts() {
        assertThatThrownBy(() -> EventGatewayProducer.builder().target(gateway.target()).maxAttempts(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts");
    }
}
