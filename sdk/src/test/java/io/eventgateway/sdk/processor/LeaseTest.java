package io.eventgateway.sdk.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseTest {

    private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    private static Lease lease(int tasks) {
        return new Lease("lease-1", null, 0, Duration.ofMillis(300), tasks, RECEIVED);
    }

    @Test
    void aLeaseExpiresAtItsReceiptPlusTheRelativeTtl() {
        Lease lease = lease(1);

        assertThat(lease.expiredAt(RECEIVED.plusMillis(299))).isFalse();
        assertThat(lease.expiredAt(RECEIVED.plusMillis(300))).isTrue();
    }

    @Test
    void anExtensionIsDueAfterTwoThirdsOfTheTtlWhileAHandlerRuns() {
        Lease lease = lease(1);
        lease.started(1);

        assertThat(lease.claimExtension(RECEIVED.plusMillis(199))).isFalse();
        assertThat(lease.claimExtension(RECEIVED.plusMillis(200))).isTrue();
    }

    @Test
    void noExtensionIsDueWhenNoHandlerRuns() {
        Lease lease = lease(1);

        assertThat(lease.claimExtension(RECEIVED.plusMillis(250))).isFalse();
    }

    @Test
    void aClaimedExtensionIsNotClaimedAgainUntilItCompletesOrFails() {
        Lease lease = lease(1);
        lease.started(1);
        lease.claimExtension(RECEIVED.plusMillis(200));

        assertThat(lease.claimExtension(RECEIVED.plusMillis(250))).isFalse();
        lease.extensionFailed();
        assertThat(lease.claimExtension(RECEIVED.plusMillis(250))).isTrue();
    }

    @Test
    void anExtensionMovesTheDeadlineToTheGrantedRemainder() {
        Lease lease = lease(1);
        lease.started(1);
        lease.claimExtension(RECEIVED.plusMillis(200));

        lease.extended(RECEIVED.plusMillis(210), Duration.ofMillis(300));

        assertThat(lease.expiredAt(RECEIVED.plusMillis(509))).isFalse();
        assertThat(lease.claimExtension(RECEIVED.plusMillis(409))).isFalse();
        assertThat(lease.claimExtension(RECEIVED.plusMillis(410))).isTrue();
    }

    @Test
    void theLastFinishedTaskEndsTheLease() {
        Lease lease = lease(2);
        lease.started(1);

        assertThat(lease.finished(1, true)).isFalse();
        assertThat(lease.finished(1, false)).isTrue();
    }
}
