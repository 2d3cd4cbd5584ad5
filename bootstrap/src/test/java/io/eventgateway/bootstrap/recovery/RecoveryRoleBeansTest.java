package io.eventgateway.bootstrap.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.adapters.kafka.testing.SharedKafkaBroker;
import io.eventgateway.adapters.kafka.testing.TestTopics;
import io.eventgateway.bootstrap.role.RoleSet;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recovery role brings its drain loop when an alternate cluster is configured; no other role does. */
class RecoveryRoleBeansTest {

    private static ApplicationContext contextFor(String roles) {
        Map<String, Object> properties = RecoveryTopics.properties(SharedKafkaBroker.bootstrapServers(),
                TestTopics.unique("role-beans") + ".");
        properties.put("eventgateway.kafka.alternate.bootstrap-servers", SharedKafkaBroker.bootstrapServers());
        return ApplicationContext.builder().deduceEnvironment(false)
                .environments(RoleSet.parse(roles).environmentNames()).properties(properties).start();
    }

    @Test
    void theRecoveryRoleDrainsFailedWrites() {
        try (ApplicationContext context = contextFor("recovery")) {
            assertThat(context.containsBean(FailedWritesDrainLoop.class)).isTrue();
        }
    }

    @Test
    void roleAllIncludesRecovery() {
        assertThat(RoleSet.parse("all").environmentNames()).contains("recovery");
    }

    @Test
    void thePublisherRoleAloneDoesNotDrain() {
        try (ApplicationContext context = contextFor("publisher")) {
            assertThat(context.containsBean(FailedWritesDrainLoop.class)).isFalse();
        }
    }
}
