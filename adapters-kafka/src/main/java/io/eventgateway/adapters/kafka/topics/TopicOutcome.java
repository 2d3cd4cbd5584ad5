package io.eventgateway.adapters.kafka.topics;

/** What {@code topics apply} did, or in a dry run would do, to one topic. */
public sealed interface TopicOutcome {

    /** The upper-case name the CLI table shows. */
    String label();

    /** The topic did not exist and was created as planned. */
    record Created() implements TopicOutcome {
        @Override
        public String label() {
            return "CREATED";
        }
    }

    /** The topic existed; configs we own differed and were set to the planned values. */
    record Updated() implements TopicOutcome {
        @Override
        public String label() {
            return "UPDATED";
        }
    }

    /** The topic existed and matched the plan (extra partitions or replicas are fine). */
    record Unchanged() implements TopicOutcome {
        @Override
        public String label() {
            return "UNCHANGED";
        }
    }

    /**
     * The topic differs from the plan in a way apply must not fix by itself (too few partitions or replicas).
     * Config drift on the same topic is still fixed, outside a dry run.
     */
    record Drift(String message) implements TopicOutcome {
        public Drift {
            if (message == null || message.isBlank()) {
                throw new IllegalArgumentException("a drift needs a message that says what differs");
            }
        }

        @Override
        public String label() {
            return "DRIFT";
        }
    }

    /** Dry run: the topic does not exist and would be created. */
    record WouldCreate() implements TopicOutcome {
        @Override
        public String label() {
            return "WOULD_CREATE";
        }
    }

    /** Dry run: configs we own differ and would be set to the planned values. */
    record WouldUpdate() implements TopicOutcome {
        @Override
        public String label() {
            return "WOULD_UPDATE";
        }
    }
}
