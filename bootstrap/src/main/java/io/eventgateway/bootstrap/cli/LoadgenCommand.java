package io.eventgateway.bootstrap.cli;

import io.eventgateway.bootstrap.loadgen.LoadGenerator;
import io.eventgateway.bootstrap.loadgen.LoadReport;
import io.eventgateway.bootstrap.loadgen.LoadSettings;
import io.eventgateway.bootstrap.loadgen.PriorityMix;
import io.eventgateway.sdk.producer.EventGatewayProducer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code loadgen}: sends generated events to a gateway over gRPC and reports what was stored. */
@Command(name = "loadgen", mixinStandardHelpOptions = true,
        description = "Send generated events to a gateway over gRPC; print throughput; optionally record stored ids.")
final class LoadgenCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--target", defaultValue = "localhost:50051", description = "Gateway gRPC host:port.")
    private String target;

    @Option(names = "--count", defaultValue = "100000", description = "Events to send.")
    private long count;

    @Option(names = "--batch", defaultValue = "100", description = "Events per request.")
    private int batch;

    @Option(names = "--size", defaultValue = "1024", description = "Payload bytes per event.")
    private int size;

    @Option(names = "--concurrency", defaultValue = "8", description = "Requests in flight.")
    private int concurrency;

    @Option(names = "--rate", defaultValue = "0", description = "Events per second offered (0: unpaced).")
    private double rate;

    @Option(names = "--tenants", defaultValue = "50", description = "Distinct company ids.")
    private int tenants;

    @Option(names = "--mix", defaultValue = "P30=5,P20=15,P10=80", description = "Priority weights.")
    private String mix;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated load.")
    private long seed;

    @Option(names = "--record", paramLabel = "FILE", description = "Write event_id,priority,acked_at_ms per stored"
            + " event.")
    private Path record;

    @Override
    public Integer call() throws InterruptedException {
        LoadSettings settings;
        try {
            settings = new LoadSettings(count, batch, size, concurrency, rate, tenants, PriorityMix.parse(mix), seed,
                    record);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, null);
        }
        try (EventGatewayProducer producer = EventGatewayProducer.builder().target(target).usePlaintext()
                .callTimeout(Duration.ofSeconds(30)).build()) {
            LoadReport report = new LoadGenerator(settings).run(producer);
            spec.commandLine().getOut().println(report.render());
            spec.commandLine().getOut().flush();
            return report.unavailable() == 0 && report.failedCalls() == 0 ? 0 : OneLineErrors.FAILURE;
        }
    }
}
