package io.eventgateway.adapters.kafka.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The broker configuration of a single-node KRaft cluster: one process is broker and controller, every
 * internal topic has one replica, and nothing waits for peers that will never come.
 *
 * <p>Auto topic creation is off because the gateway creates its topics itself ({@code topics apply});
 * a typo in a topic name must fail instead of silently creating a one-partition topic.
 */
final class SingleNodeBrokerConfig {

    static final int NODE_ID = 1;
    static final String HOST = "127.0.0.1";
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private static final int INTERNAL_TOPIC_PARTITIONS = 5;
    private static final int MIB = 1024 * 1024;

    private SingleNodeBrokerConfig() {
    }

    /** Single-node defaults for the given ports and log directory, overridden by {@code extra}. */
    static Properties of(int brokerPort, int controllerPort, Path logDir, Map<String, String> extra) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
        props.put("listener.security.protocol.map",
                BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("log.dirs", logDir.toAbsolutePath().toString());

        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");

        // Internal topics: one replica, and few partitions so that creating them on first use is quick.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
        props.put("transaction.state.log.segment.bytes", String.valueOf(16 * MIB));
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("share.coordinator.state.topic.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));

        // With one member per group there is nothing to wait for before the first assignment.
        props.put("group.initial.rebalance.delay.ms", "0");
        // The gateway stores incomplete offsets in commit metadata and sizes them against this limit.
        props.put("offset.metadata.max.bytes", "4096");

        // A day of data in 64 MiB segments, so retention can actually delete on a long local run.
        props.put("log.retention.hours", "24");
        props.put("log.segment.bytes", String.valueOf(64 * MIB));
        // The default 128 MiB dedupe buffer is allocated at start; the compacted internal topics need little.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * MIB));

        props.putAll(extra);
        return props;
    }
}
