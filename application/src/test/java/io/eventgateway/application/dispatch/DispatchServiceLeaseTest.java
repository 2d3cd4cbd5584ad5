package io.eventgateway.application.dispatch;

import static io.eventgateway.application.dispatch.DispatchHarness.at;
import static io.eventgateway.application.dispatch.DispatchHarness.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventgateway.application.dispatch.LeaseControlUseCase.ExtendOutcome;
import io.eventgateway.domain.lease.LeaseSettings;
import io.eventgateway.domain.priority.Lane;
import io.eventgateway.domain.priority.Priority;
import io.eventgateway.domain.retry.RetrySettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatchServiceLeaseTest {

    private final DispatchHarness h = harness(3);

    private static DispatchHarness harness(int maxDeliveries) {
        TestSettings settings = new TestSettings();
        settings.lease = new LeaseSettings(Duration.ofSeconds(10), Duration.ofSeconds(50),
                maxDeliveries, 1_000);
        settings.retry = new RetrySettings(3, Duration.ofSeconds(1), 4.0, Duration.ofSeconds(1), 10, maxDeliveries);
        DispatchHarness harness = new DispatchHarness(settings);
        harness.assign(Lane.P20, 0);
        harness.put(event("e", Priority.P20, at(60_000)));
        return harness;
    }

    @Test
    void anExpiredLeaseRequeuesItsTaskForTheNextDelivery() {
        h.fetch(1);

        h.expireLeases();

        GrantedTask again = h.fetch(1).tasks().get(0);
        assertThat(again.taskId().delivery()).isEqualTo(2);
        assertThat(h.service.status().leases().expired()).isEqualTo(1);
    }

    @Test
    void aLeaseIsNotExpiredBeforeItsTtl() {
        h.fetch(1);
        h.advance(Duration.ofMillis(9_999));
        h.responsesCaughtUp();

        h.service.tick();

        assertThat(h.service.status().leases().inFlight()).isEqualTo(1);
    }

    @Test
    void afterMaxDeliveriesExpiriesTheAttemptCountsAsFailedAndTheTaskIsRetried() {
        for (int delivery = 1; delivery <= 3; delivery++) {
            h.fetch(1);
            h.expireLeases();
        }

        assertThat(h.handoffs.writes()).isEmpty();
        assertThat(h.service.status().counters().handoffs().escalations()).isEqualTo(1);
        assertThat(h.fetch(1).isEmpty()).isTrue();
        h.advance(Duration.ofSeconds(1));
        assertThat(h.eventIds(h.fetch(1))).containsExactly("e");
    }

    @Test
    void afterMaxDeliveriesInTheLastAllowedAttemptTheTaskIsDeadLetteredInsteadOfLooping() {
        TestSettings settings = new TestSettings();
        settings.retry = new RetrySettings(3, Duration.ofSeconds(1), 4.0, Duration.ofSeconds(1), 1, 3);
        DispatchHarness single = new DispatchHarness(settings);
        single.assign(Lane.P20, 0);
        single.put(event("poison", Priority.P20, at(60_000)));
        for (int delivery = 1; delivery <= 3; delivery++) {
            single.fetch(1);
            single.expireLeases();
        }

        RecordingHandoffWriter.Write write = single.handoffs.last();
        assertThat(write.deadLetter().cause()).isEqualTo(DeadLetterCause.MAX_DELIVERIES);
        assertThat(write.reason()).startsWith("max deliveries exceeded; retry budget exhausted");
        assertThat(write.deliveries()).isEqualTo(3);
        assertThat(write.deadLetter().attempts()).isEqualTo(1);
        assertThat(single.fetch(1).isEmpty()).isTrue();
        assertThat(single.committable(Lane.P20, 0)).isEqualTo(1);
    }

    @Test
    void expiryWaitsWhileTheResponsesAreNotReadThatFar() {
        h.fetch(1);
        h.advance(Duration.ofSeconds(11));
        h.service.onResponses(List.of(), h.now().minusSeconds(6));

        h.service.tick();

        assertThat(h.fetch(1).isEmpty()).isTrue();
        assertThat(h.service.status().leases().heldBack()).isEqualTo(1);
        assertThat(h.service.status().counters().heldBackExpiries()).isEqualTo(1);
    }

    @Test
    void heldBackExpiriesProceedOnceTheResponsesCatchUp() {
        h.fetch(1);
        h.advance(Duration.ofSeconds(11));
        h.service.onResponses(List.of(), h.now().minusSeconds(6));
        h.service.tick();

        h.responsesCaughtUp();
        h.service.tick();

        assertThat(h.fetch(1).tasks()).hasSize(1);
        assertThat(h.service.status().leases().heldBack()).isZero();
    }

    @Test
    void extendMovesTheExpiryAndReportsTheRemainingTtl() {
        LeaseGrant grant = h.fetch(1);
        h.advance(Duration.ofSeconds(5));

        ExtendOutcome outcome = h.service.extend(grant.leaseId(), Duration.ofSeconds(20));

        assertThat(outcome).isEqualTo(new ExtendOutcome(ExtendOutcome.Status.EXTENDED, Duration.ofSeconds(20), false));
    }

    @Test
    void extendStopsAtTheTotalLeaseTime() {
        LeaseGrant grant = h.fetch(1);
        h.advance(Duration.ofSeconds(5));

        ExtendOutcome outcome = h.service.extend(grant.leaseId(), Duration.ofSeconds(100));

        assertThat(outcome).isEqualTo(new ExtendOutcome(ExtendOutcome.Status.EXTENDED, Duration.ofSeconds(45), true));
    }

    @Test
    void extendOfALeasePastItsExpiryAnswersExpired() {
        LeaseGrant grant = h.fetch(1);
        h.advance(Duration.ofSeconds(10));

        assertThat(h.service.extend(grant.leaseId(), Duration.ofSeconds(5)).status())
                .isEqualTo(ExtendOutcome.Status.EXPIRED);
    }

    @Test
    void extendOfAnUnknownOrMalformedLeaseAnswersUnknown() {
        assertThat(h.service.extend("0-7-99", Duration.ofSeconds(5)).status()).isEqualTo(ExtendOutcome.Status.UNKNOWN);
        assertThat(h.service.extend("no lease", Duration.ofSeconds(5)).status())
                .isEqualTo(ExtendOutcome.Status.UNKNOWN);
    }

    @Test
    void extendByANonPositiveDurationIsRejected() {
        LeaseGrant grant = h.fetch(1);

        assertThatThrownBy(() -> h.service.extend(grant.leaseId(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void releaseHandsTasksBackWithoutCountingADelivery() {
        DispatchHarness oneDelivery = harness(1);
        GrantedTask task = oneDelivery.fetch(1).tasks().get(0);

        int released = oneDelivery.service.release(List.of(task.taskId().asString()));

        // With one delivery allowed, a counted delivery would have made the next expiry a dead letter.
        assertThat(released).isEqualTo(1);
        assertThat(oneDelivery.fetch(1).tasks()).hasSize(1);
        assertThat(oneDelivery.handoffs.writes()).isEmpty();
        assertThat(oneDelivery.service.status().leases().expired()).isZero();
    }

    @Test
    void releaseIgnoresIdsThatAreMalformedOrNotCurrent() {
        GrantedTask task = h.fetch(1).tasks().get(0);

        int released = h.service.release(List.of("garbage", task.taskId().withDelivery(5).asString()));

        assertThat(released).isZero();
        assertThat(h.service.status().leases().inFlight()).isEqualTo(1);
    }
}
