package io.eventgateway.domain.priority;

/**
 * A stream of stored tasks with its own Kafka topic(s), consumer and memory threshold. The three priority
 * lanes carry fresh events; {@link #OFFLOAD} carries shed P10 work and {@link #RETRY} the leveled retries.
 */
public enum Lane {
    P30("p30"),
    P20("p20"),
    P10("p10"),
    OFFLOAD("offload"),
    RETRY("retry");

    private final String shortName;

    Lane(String shortName) {
        this.shortName = shortName;
    }

    /** The lane a fresh event of this priority is written to. */
    public static Lane of(Priority priority) {
        return switch (priority) {
            case P30 -> P30;
            case P20 -> P20;
            case P10 -> P10;
        };
    }

    /** Lower-case name used in topic names, metrics tags and status JSON ({@code p30}, {@code retry}, ...). */
    public String shortName() {
        return shortName;
    }
}
