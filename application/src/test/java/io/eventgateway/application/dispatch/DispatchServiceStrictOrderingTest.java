package io.eventgateway.application.dispatch;

import static io.eventgateway.application.dispatch.DispatchHarness.at;
import static io.eventgateway.application.dispatch.DispatchHarness.event;
import static io.eventgateway.application.dispatch.DispatchHarness.failOf;
import static io.eventgateway.application.dispatch.DispatchHarness.retryOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DispatchServiceStrictOrderingTest {

    private final DispatchHarness h = harness();

    private static DispatchHarness harness() {
        TestSettings settings = new TestSettings();
        settings.dispatch = settings.dispatch.withStrictKeyOrdering(true);
        return new DispatchHarness(settings);
    }

    @BeforeEach
    void twoEventsOfOneKey() {
        h.assign(Lane.P20, 0);
        h.put(event("first", "t1", "order-7", Priority.P20, at(60_000), 10));
        h.put(event("second", "t1", "order-7", Priority.P20, at(60_000), 10));
    }

    @Test
    void aKeysNextTaskIsLeasedOnlyAfterTheLeasedOneIsAcked() {
        GrantedTask first = h.fetch(10).tasks().get(0);
        assertThat(h.fetch(10).isEmpty()).isTrue();

        h.ack(first);

        assertThat(h.eventIds(h.fetch(10))).containsExactly("second");
    }

    @Test
    void aRetriedTaskHoldsItsKeyUntilItIsDone() {
        GrantedTask first = h.fetch(10).tasks().get(0);

        h.respond(retryOf(first, Duration.ofMillis(500)));

        assertThat(h.fetch(10).isEmpty()).isTrue();
        h.advance(Duration.ofMillis(500));
        assertThat(h.eventIds(h.fetch(10))).containsExactly("first");
    }

    @Test
    void anExpiredTaskIsServedAgainBeforeItsKeysNextTask() {
        h.fetch(10);

        h.expireLeases();

        assertThat(h.eventIds(h.fetch(10))).containsExactly("first");
    }

    @Test
    void aDeadLetteredTaskReleasesItsKey() {
        GrantedTask first = h.fetch(10).tasks().get(0);

        h.respond(failOf(first, "bad"));

        assertThat(h.eventIds(h.fetch(10))).containsExactly("second");
    }

    @Test
    void anAckFromAnExpiredDeliveryLetsTheKeysNextTaskGo() {
        GrantedTask first = h.fetch(10).tasks().get(0);
        h.expireLeases();

        h.ack(first);

        assertThat(h.eventIds(h.fetch(10))).containsExactly("second");
    }
}
