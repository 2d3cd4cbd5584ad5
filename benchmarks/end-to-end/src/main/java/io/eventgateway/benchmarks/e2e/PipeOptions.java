package io.eventgateway.benchmarks.e2e;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code --name value} options every contender takes from the runner: broker address, record count and size,
 * partitions and warm-up count, plus contender-specific ones.
 */
record PipeOptions(Map<String, String> values) {

    static PipeOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name, got '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            values.put(name, flag ? "true" : args[++i]);
        }
        return new PipeOptions(Map.copyOf(values));
    }

    String text(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    long number(String name, long fallback) {
        String value = values.get(name);
        return value == null ? fallback : Long.parseLong(value);
    }

    double decimal(String name, double fallback) {
        String value = values.get(name);
        return value == null ? fallback : Double.parseDouble(value);
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    String bootstrap() {
        return text("bootstrap");
    }

    int count() {
        return (int) number("count", 100_000);
    }

    int warmup() {
        return (int) number("warmup", 20_000);
    }

    int size() {
        return (int) number("size", 300);
    }

    int partitions() {
        return (int) number("partitions", 8);
    }
}
