package io.eventgateway.benchmarks.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The end-to-end bench ({@code benchmarks/run.sh [--quick]}): starts the embedded broker as its own process, runs the
 * four contenders one after another, each in its own JVM with the same heap and GC flags, then the gateway's isolation
 * scenario, and writes {@code benchmarks/results/<date>[-quick].json} and a table. Contenders' output goes to
 * {@code benchmarks/results/logs/<time>/}; with {@code --profile} the gateway's pipe run also records
 * {@code gateway.jfr} there.
 */
public final class BenchRunner {

    /** The same for every contender: a fixed 2 GiB heap and G1. */
    static final List<String> CONTENDER_JVM = List.of("-Xms2g", "-Xmx2g", "-XX:+UseG1GC");
    private static final List<String> BROKER_JVM = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");
    private static final long CONTENDER_TIMEOUT_MINUTES = 15;

    private final PipeOptions options;
    private final Path root;
    private final Path logs;
    private final boolean quick;

    private BenchRunner(PipeOptions options) {
        this.options = options;
        this.root = Path.of(options.text("root")).toAbsolutePath();
        this.quick = options.flag("quick");
        this.logs = root.resolve("benchmarks/results/logs")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss")));
    }

    public static void main(String[] args) throws Exception {
        new BenchRunner(PipeOptions.parse(args)).run();
    }

    private void run() throws Exception {
        Files.createDirectories(logs);
        int count = (int) options.number("count", quick ? 100_000 : 300_000);
        int warmup = (int) options.number("warmup", quick ? 20_000 : 30_000);
        long latencySeconds = options.number("latency-seconds", quick ? 15 : 60);
        long isolationSeconds = options.number("isolation-seconds", quick ? 15 : 60);
        String loadAtStart = loadAverage();
        Path data = Files.createTempDirectory("bench-broker");
        int port = freePort();
        Process broker = startBroker(port, data);
        String bootstrap = "127.0.0.1:" + port;
        List<String> common = List.of("--bootstrap", bootstrap, "--count", Integer.toString(count), "--warmup",
                Integer.toString(warmup), "--size", "300", "--partitions", "8");
        Map<String, Object> raw;
        Map<String, Object> parallel;
        Map<String, Object> share;
        Map<String, Object> gateway;
        Map<String, Object> isolation = null;
        try {
            raw = contender("raw_kafka", options.text("e2e-classpath"), RawKafkaPipe.class.getName(), common);
            parallel = contender("parallel_consumer", options.text("pc-classpath"),
                    "io.eventgateway.benchmarks.parallelconsumer.ParallelConsumerPipe", common);
            share = contender("share_group", options.text("e2e-classpath"), ShareGroupPipe.class.getName(), common);
            gateway = contender("gateway", options.text("e2e-classpath"), GatewayPipe.class.getName(),
                    concat(common, "--mode", "pipe", "--latency-seconds", Long.toString(latencySeconds)));
            if (gateway != null) {
                // The capacity is known: this JVM's warm-up only primes the lanes and the JIT.
                List<String> isolationArgs = new ArrayList<>(common);
                isolationArgs.set(isolationArgs.indexOf("--warmup") + 1, Integer.toString(Math.min(warmup, 5_000)));
                isolation = contender("gateway_isolation", options.text("e2e-classpath"), GatewayPipe.class.getName(),
                        concat(isolationArgs, "--mode", "isolation", "--capacity", gateway.get("eps").toString(),
                                "--isolation-seconds", Long.toString(isolationSeconds)));
            }
        } finally {
            broker.destroy();
            broker.waitFor(30, TimeUnit.SECONDS);
            deleteTree(data);
        }
        String machine = machine(loadAtStart, loadAverage());
        BenchReport report = new BenchReport(eps(raw), eps(parallel), eps(share), eps(gateway), latencies(gateway),
                isolationFigures(isolation), machine, options.text("commit", "unknown"));
        Path results = root.resolve("benchmarks/results")
                .resolve(LocalDate.now() + (quick ? "-quick" : "") + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(results.toFile(), report.json());
        System.out.println();
        System.out.print(report.table());
        System.out.println("\nresults: " + root.relativize(results) + "; logs: " + root.relativize(logs));
    }

    private Process startBroker(int port, Path data) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(BROKER_JVM);
        command.addAll(List.of("-jar", root.resolve("bootstrap/target/event-gateway.jar").toString(),
                "embedded-broker", "--port", Integer.toString(port), "--data", data.toString()));
        Process broker = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Boolean> up = new CompletableFuture<>();
        Thread copier = new Thread(() -> copy(broker, logs.resolve("broker.log"), up), "broker-log");
        copier.setDaemon(true);
        copier.start();
        System.out.println("bench: starting the embedded broker on port " + port + " ...");
        try {
            if (!up.get(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the broker exited before it was up; see " + logs.resolve("broker.log"));
            }
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            broker.destroyForcibly();
            throw new IllegalStateException("the broker did not come up; see " + logs.resolve("broker.log"), e);
        }
        return broker;
    }

    private static void copy(Process broker, Path log, CompletableFuture<Boolean> up) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(broker.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                if (line.startsWith("embedded-broker: Kafka on")) {
                    up.complete(true);
                }
            }
        } catch (IOException e) {
            up.completeExceptionally(e);
        }
        up.complete(false);
    }

    /** Runs one contender JVM; its figures from the {@code RESULT} line, or null (and a note) when it failed. */
    private Map<String, Object> contender(String name, String classpath, String mainClass, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(CONTENDER_JVM);
        if (options.flag("profile") && name.equals("gateway")) {
            // JFR's profile settings cost a few per cent; the recording is for finding costs, not for the figures.
            command.add("-XX:StartFlightRecording=filename=" + logs.resolve("gateway.jfr") + ",settings=profile");
        }
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(args);
        Path log = logs.resolve(name + ".log");
        System.out.println("bench: running " + name + " ...");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(CONTENDER_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            System.out.println("bench: " + name + " timed out; see " + root.relativize(log));
            return null;
        }
        Map<String, Object> result = resultLine(log);
        System.out.printf("bench: %s %s in %.0f s%n", name, result == null ? "FAILED (exit " + process.exitValue()
                + "; see " + root.relativize(log) + ")" : "done", (System.nanoTime() - started) / 1e9);
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resultLine(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            String line = lines.filter(l -> l.startsWith(PipeResult.PREFIX)).reduce((first, second) -> second)
                    .orElse(null);
            return line == null ? null
                    : new ObjectMapper().readValue(line.substring(PipeResult.PREFIX.length()), LinkedHashMap.class);
        }
    }

    private static Double eps(Map<String, Object> result) {
        return result == null ? null : ((Number) result.get("eps")).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Double>> latencies(Map<String, Object> gateway) {
        if (gateway == null) {
            return null;
        }
        Map<String, Map<String, Double>> latencies = new LinkedHashMap<>();
        Map<String, Map<String, Number>> measured = (Map<String, Map<String, Number>>) gateway.get("gateway_latency_ms");
        measured.forEach((priority, percentiles) -> {
            Map<String, Double> values = new LinkedHashMap<>();
            for (String percentile : BenchReport.PERCENTILES) {
                values.put(percentile, percentiles.get(percentile).doubleValue());
            }
            latencies.put(priority, values);
        });
        return latencies;
    }

    private static Map<String, Number> isolationFigures(Map<String, Object> isolation) {
        if (isolation == null) {
            return null;
        }
        Map<String, Number> figures = new LinkedHashMap<>();
        for (String key : BenchReport.ISOLATION_KEYS) {
            figures.put(key, (Number) isolation.get(key));
        }
        return figures;
    }

    private static String machine(String loadAtStart, String loadAtEnd) {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format("%d cores, %d GiB, %s %s, %s; load average %s at start, %s at end; contender JVM %s",
                Runtime.getRuntime().availableProcessors(), Math.round(memory / (1024.0 * 1024 * 1024)),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("os.name"),
                loadAtStart, loadAtEnd, String.join(" ", CONTENDER_JVM));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
