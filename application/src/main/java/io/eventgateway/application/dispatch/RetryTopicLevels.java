package io.eventgateway.application.dispatch;

import java.util.OptionalInt;

/** Which retry level a topic of the retry lane is; the naming belongs to the adapters. */
@FunctionalInterface
public interface RetryTopicLevels {

    /** The level of {@code topic}, or empty when it is not a retry topic. */
    OptionalInt levelOf(String topic);
}
