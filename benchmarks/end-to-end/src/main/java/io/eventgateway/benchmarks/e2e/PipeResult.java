package io.eventgateway.benchmarks.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a contender reports to the runner: one line {@code RESULT <json>} on standard output, so contenders on other
 * classpaths (parallel-consumer) need no shared code, only the format.
 */
final class PipeResult {

    static final String PREFIX = "RESULT ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PipeResult() {
    }

    /** Throughput of {@code events} piped in {@code nanos}. */
    static Map<String, Object> throughput(String contender, long events, long nanos) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("contender", contender);
        result.put("events", events);
        result.put("seconds", nanos / 1e9);
        result.put("eps", events / (nanos / 1e9));
        return result;
    }

    static void print(Map<String, Object> result) {
        try {
            System.out.println(PREFIX + JSON.writeValueAsString(result));
            System.out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result", e);
        }
    }
}
