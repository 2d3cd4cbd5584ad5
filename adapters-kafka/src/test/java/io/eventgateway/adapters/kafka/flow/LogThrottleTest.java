package io.eventgateway.adapters.kafka.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogThrottleTest {

    @Test
    void logsTheOccurrencesNumberedByAPowerOfTwo() {
        LogThrottle throttle = new LogThrottle();
        List<Integer> logged = new ArrayList<>();

        for (int n = 1; n <= 100; n++) {
            if (throttle.countAndShouldLog()) {
                logged.add(n);
            }
        }

        assertThat(logged).containsExactly(1, 2, 4, 8, 16, 32, 64);
    }

    @Test
    void countsEveryOccurrence() {
        LogThrottle throttle = new LogThrottle();

        for (int n = 0; n < 100; n++) {
            throttle.countAndShouldLog();
        }

        assertThat(throttle.count()).isEqualTo(100);
    }
}
