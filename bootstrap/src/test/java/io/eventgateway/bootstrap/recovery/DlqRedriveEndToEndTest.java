package io.eventgateway.bootstrap.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.adapters.kafka.dispatch.KafkaHandoffWriter;
import io.eventgateway.adapters.kafka.record.ProtobufStoredRecordCodec;
import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.adapters.kafka.topics.Cluster;
import io.eventgateway.adapters.kafka.topics.TopicNames;
import io.eventgateway.application.dispatch.DeadLetterCause;
import io.eventgateway.application.dispatch.Handoff;
import io.eventgateway.application.dispatch.HandoffTarget;
import io.eventgateway.application.recovery.DlqFilter;
import io.eventgateway.application.recovery.DlqRedriveCommand;
import io.eventgateway.application.recovery.DlqRedriveReport;
import io.eventgateway.application.recovery.InspectedDeadLetter;
import io.eventgateway.bootstrap.recovery.LaneTopicRecords.LaneRecord;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.event.Payload;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.task.SourcePosition;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code dlq redrive} on a real broker: filters move exactly the matching records (attempt reset, redrive mark),
 * a re-run moves nothing more, and a run for one tenant after a run for another still finds its records.
 */
class DlqRedriveEndToEndTest {

    private final String prefix = TestTopics.unique("dlq-redrive") + ".";
    private final String servers = SharedKafkaBroker.bootstrapServers();
    private final List<EventRecord> tenantAOrders = new ArrayList<>();
    private final List<EventRecord> tenantARefunds = new ArrayList<>();
    private final List<EventRecord> tenantBOrders = new ArrayList<>();
    private ApplicationContext context;
    private RecoveryAdmin admin;

    @BeforeEach
    void deadLetterSomeRecords() throws Exception {
        RecoveryTopics.apply(servers, prefix, Cluster.PRIMARY);
        TopicNames names = new TopicNames(prefix);
        KafkaHandoffWriter records = new KafkaHandoffWriter(names, new ProtobufStoredRecordCodec(), Clock.systemUTC());
        try (KafkaProducer<byte[], byte[]> dlq = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            List<Future<RecordMetadata>> writes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                tenantAOrders.add(event("tenant-a", "order.created", Priority.P30));
                tenantARefunds.add(event("tenant-a", "refund.issued", Priority.P10));
                tenantBOrders.add(event("tenant-b", "order.created", Priority.P20));
            }
            long offset = 0;
            for (List<EventRecord> group : List.of(tenantAOrders, tenantARefunds, tenantBOrders)) {
                for (EventRecord record : group) {
                    writes.add(dlq.send(records.toRecord(new Handoff(new HandoffTarget.DeadLetter(
                            DeadLetterCause.PROCESSOR_FAIL, "handler failed", 5, 1), record,
                            new SourcePosition(names.retry(2), 0, offset++), null))));
                }
            }
            for (Future<RecordMetadata> write : writes) {
                write.get(30, TimeUnit.SECONDS);
            }
        }
        context = ApplicationContext.builder().deduceEnvironment(false)
                .properties(RecoveryTopics.properties(servers, prefix)).start();
        admin = new RecoveryAdmin(context, duration -> Thread.sleep(duration.toMillis()));
    }

    @AfterEach
    void close() {
        admin.close();
        context.close();
    }

    @Test
    void aFilteredRedriveMovesExactlyTheMatchingRecordsWithAttemptsResetAndAMark() throws InterruptedException {
        DlqRedriveReport report = admin.dlqRedrive().redrive(command("tenant-a", "order.created", false));

        assertThat(report.redriven()).isEqualTo(3);
        assertThat(report.matched()).isEqualTo(3);
        assertThat(report.scanned()).isEqualTo(9);
        List<LaneRecord> onLanes = LaneTopicRecords.readAll(servers, prefix);
        assertThat(onLanes).extracting(LaneRecord::eventId)
                .containsExactlyInAnyOrderElementsOf(ids(tenantAOrders));
        assertThat(onLanes).allSatisfy(record -> {
            assertThat(record.decoded().record().attempt()).isZero();
            assertThat(record.topic()).isEqualTo(prefix + "p30");
            assertThat(record.redrivenFrom()).startsWith(prefix + "dlq/");
        });
    }

    @Test
    void reRunningTheSameRedriveMovesNothingMore() throws InterruptedException {
        admin.dlqRedrive().redrive(command("tenant-a", null, false));

        DlqRedriveReport again = admin.dlqRedrive().redrive(command("tenant-a", null, false));

        assertThat(again.redriven()).isZero();
        assertThat(again.alreadyRedriven()).isEqualTo(6);
        assertThat(LaneTopicRecords.readAll(servers, prefix)).hasSize(6);
    }

    @Test
    void aRunForTenantBAfterARunForTenantAStillFindsTenantBsRecords() throws InterruptedException {
        admin.dlqRedrive().redrive(command("tenant-a", null, false));

        DlqRedriveReport forB = admin.dlqRedrive().redrive(command("tenant-b", null, false));

        assertThat(forB.redriven()).isEqualTo(3);
        assertThat(LaneTopicRecords.readAll(servers, prefix)).extracting(LaneRecord::eventId)
                .containsAll(ids(tenantBOrders)).hasSize(9);
    }

    @Test
    void aLimitedRunResumesWhereItStoppedAndADryRunMovesNothing() throws InterruptedException {
        DlqRedriveReport dryRun = admin.dlqRedrive().redrive(command(null, null, true));
        assertThat(dryRun.redriven()).isEqualTo(9);
        assertThat(LaneTopicRecords.readAll(servers, prefix)).isEmpty();

        DlqRedriveReport firstTwo = admin.dlqRedrive().redrive(new DlqRedriveCommand(DlqFilter.everything(), 2,
                false));
        DlqRedriveReport rest = admin.dlqRedrive().redrive(command(null, null, false));

        assertThat(firstTwo.redriven()).isEqualTo(2);
        assertThat(rest.redriven()).isEqualTo(7);
        assertThat(LaneTopicRecords.readAll(servers, prefix)).extracting(LaneRecord::eventId)
                .doesNotHaveDuplicates().hasSize(9);
    }

    @Test
    void inspectShowsTheMatchingRecordsWithReasonAttemptsAndWhetherRedriven() throws InterruptedException {
        admin.dlqRedrive().redrive(command("tenant-b", null, false));
        List<InspectedDeadLetter> shown = new ArrayList<>();

        admin.dlqInspect().inspect(new DlqFilter(Optional.empty(), Optional.of("order.created"), Optional.empty(),
                Optional.empty()), 0, shown::add);

        assertThat(shown).hasSize(6);
        assertThat(shown).allSatisfy(inspected -> {
            assertThat(inspected.letter().reason()).contains("handler failed");
            assertThat(inspected.letter().deliveries()).hasValue(5);
            assertThat(inspected.redriven()).isEqualTo(inspected.letter().record().companyId().equals("tenant-b"));
        });
    }

    private static DlqRedriveCommand command(String tenant, String type, boolean dryRun) {
        return new DlqRedriveCommand(new DlqFilter(Optional.ofNullable(tenant), Optional.ofNullable(type),
                Optional.empty(), Optional.empty()), 0, dryRun);
    }

    private static List<String> ids(List<EventRecord> records) {
        return records.stream().map(EventRecord::eventId).toList();
    }

    private static EventRecord event(String tenant, String type, Priority priority) {
        Instant ingested = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new EventRecord(UUID.randomUUID().toString(), tenant, "checkout", type, null,
                Payload.wrap("{}".getBytes(StandardCharsets.UTF_8)), Map.of(), priority, ingested,
                ingested.plusSeconds(60), 4, 0, null, "boom");
    }
}
