package io.eventgateway.bootstrap.orchestrator;

import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.protocol.v1.FetchNextBatchRequest;
import io.eventgateway.protocol.v1.FetchNextBatchResponse;
import io.eventgateway.protocol.v1.Outcome;
import io.eventgateway.protocol.v1.TaskResponse;
import io.eventgateway.protocol.v1.TaskResponseBatch;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A processor as the design describes it, without the SDK: it leases batches over gRPC {@code Tasks} and answers
 * with {@code TaskResponseBatch} records on the response topic, partition = the replica that leased the tasks.
 */
final class SimulatedProcessor implements AutoCloseable {

    private final String responseTopic;
    private final KafkaProducer<byte[], byte[]> producer;

    SimulatedProcessor(String bootstrapServers, String prefix) {
        this.responseTopic = new TopicNames(prefix).response();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    static FetchNextBatchResponse fetch(RunningOrchestrator orchestrator, int maxTasks, long maxBytes,
            Duration wait) {
        return orchestrator.tasks().fetchNextBatch(request(maxTasks, maxBytes, wait));
    }

    static FetchNextBatchRequest request(int maxTasks, long maxBytes, Duration wait) {
        return FetchNextBatchRequest.newBuilder().setProcessorId("test-processor").setMaxTasks(maxTasks)
                .setMaxBytes(maxBytes).setWaitMs(wait.toMillis()).build();
    }

    /** Answers every task id with {@code outcome} in one batch on {@code replicaIndex}'s response partition. */
    void respond(int replicaIndex, Collection<String> taskIds, Outcome outcome) {
        TaskResponseBatch.Builder batch = TaskResponseBatch.newBuilder();
        for (String taskId : taskIds) {
            batch.addResponses(TaskResponse.newBuilder().setTaskId(taskId).setOutcome(outcome)
                    .setProcessorId("test-processor").setRespondedAtMs(System.currentTimeMillis()));
        }
        try {
            producer.send(new ProducerRecord<>(responseTopic, replicaIndex, null, batch.build().toByteArray()))
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write responses", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** ACKs every task of {@code batch}. */
    void ack(FetchNextBatchResponse batch) {
        respond(batch.getReplicaIndex(), batch.getTasksList().stream().map(task -> task.getTaskId()).toList(),
                Outcome.ACK);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
