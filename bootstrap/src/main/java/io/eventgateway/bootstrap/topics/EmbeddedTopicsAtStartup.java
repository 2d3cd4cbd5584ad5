package io.eventgateway.bootstrap.topics;

import io.eventgateway.adapters.kafka.topics.TopicApplyReport;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On embedded infrastructure ({@code --role all} with no cluster configured) the topics are applied at startup, so
 * one command runs the whole system. Real clusters get {@code topics apply} from their operators instead.
 */
@Context
@Requires(property = "eventgateway.embedded-infrastructure", value = "true")
public class EmbeddedTopicsAtStartup {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTopicsAtStartup.class);

    public EmbeddedTopicsAtStartup(TopicsApplier applier) {
        for (TopicApplyReport report : applier.apply(false)) {
            if (report.hasUnfixableDrift()) {
                throw new IllegalStateException("topics of the embedded " + report.cluster()
                        + " cluster drifted:\n" + report.render());
            }
            LOG.info("topics applied on the embedded {} cluster", report.cluster());
        }
    }
}
