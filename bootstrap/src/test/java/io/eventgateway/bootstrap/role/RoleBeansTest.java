package io.eventgateway.bootstrap.role;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.application.admission.P10AdmissionService;
import io.eventgateway.application.ingest.PublishEventsUseCase;
import io.eventgateway.bootstrap.http.ingest.IngestController;
import io.eventgateway.bootstrap.processor.ProcessorLoop;
import io.eventgateway.bootstrap.settings.SettingsController;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each role brings its beans and only its beans. */
class RoleBeansTest {

    private static ApplicationContext contextFor(String... environments) {
        return ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments(environments)
                .properties(Map.of("kafka.bootstrap.servers", SharedKafkaBroker.bootstrapServers(),
                        "grpc.server.port", -1, "micronaut.server.port", -1))
                .start();
    }

    @Test
    void thePublisherRoleHasIngestAdmissionAndSettings() {
        try (ApplicationContext context = contextFor("publisher")) {
            assertThat(context.containsBean(PublishEventsUseCase.class)).isTrue();
            assertThat(context.containsBean(IngestController.class)).isTrue();
            assertThat(context.containsBean(SettingsController.class)).isTrue();
            assertThat(context.containsBean(P10AdmissionService.class)).isTrue();
            assertThat(context.containsBean(ProcessorLoop.class)).isFalse();
        }
    }

    @Test
    void theProcessorRoleHasItsLoopAndNoIngest() {
        try (ApplicationContext context = contextFor("processor")) {
            assertThat(context.containsBean(ProcessorLoop.class)).isTrue();
            assertThat(context.containsBean(PublishEventsUseCase.class)).isFalse();
        }
    }

    @Test
    void anotherRoleHasNoIngest() {
        try (ApplicationContext context = contextFor("recovery")) {
            assertThat(context.containsBean(PublishEventsUseCase.class)).isFalse();
            assertThat(context.containsBean(IngestController.class)).isFalse();
            assertThat(context.containsBean(P10AdmissionService.class)).isFalse();
        }
    }
}
