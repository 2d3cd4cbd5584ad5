package io.eventgateway.benchmarks.hotpaths;

import io.eventgateway.adapters.kafka.record.ProtobufStoredRecordCodec;
import io.eventgateway.application.record.DecodedRecord;
import io.eventgateway.domain.event.EventRecord;
import io.eventgateway.domain.priority.Lane;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stored-record codec on a 300-byte event, against the floor any codec pays: one copy of the encoded bytes (what
 * a byte-array serializer costs). Nanoseconds per record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RecordCodecBenchmark {

    private final ProtobufStoredRecordCodec codec = new ProtobufStoredRecordCodec();
    private EventRecord event;
    private byte[] stored;

    @Setup
    public void encodeOne() {
        event = SampleEvents.generate(1, 5)[0];
        stored = codec.encode(event, Lane.P10);
    }

    @Benchmark
    public byte[] protobufEncode() {
        return codec.encode(event, Lane.P10);
    }

    @Benchmark
    public DecodedRecord protobufDecode() {
        return codec.decode(stored);
    }

    @Benchmark
    public byte[] baselineCopyOfEncodedBytes() {
        return Arrays.copyOf(stored, stored.length);
    }
}
