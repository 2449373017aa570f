package org.neurosweep.exchange;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures (not a test) what one all-gather round costs: P JVMs on this host, each sending {@code bytes}
 * per round, optionally after {@code gap} µs of busy work (a slice's computing). The JVMs share the host's
 * monotonic clock, so each records when it entered and left every round and the launcher reports, per
 * round, the time from the last process entering to the last leaving (what the exchange adds to a slice
 * beyond waiting for the slowest), as p50, p90, p99, p99.9 and mean in µs, and the mean round period.
 * From the repository root, after {@code mvn -o -q -pl exchange -am test-compile dependency:build-classpath
 * -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test}:
 *
 * <pre>
 * java -cp exchange/target/classes:exchange/target/test-classes:$(cat /tmp/cp.txt) \
 *     org.neurosweep.exchange.ExchangeLatency launch ipc|udp [P=2] [bytes=1024] [rounds=20000] [gap µs=0]
 * </pre>
 *
 * System properties {@code -Daeron.*} given to the launcher are passed on to the children.
 */
public final class ExchangeLatency {
    private ExchangeLatency() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("launch")) {
            launch(args);
            return;
        }
        String mode = args[0];
        int rank = Integer.parseInt(args[1]);
        int size = Integer.parseInt(args[2]);
        String where = args[3];
        int bytes = Integer.parseInt(args[4]);
        int rounds = Integer.parseInt(args[5]);
        long gapNanos = Long.parseLong(args[6]) * 1000;
        Path out = Path.of(args[7]);
        AeronConfig config = AeronConfig.of(rank, size);
        try (AeronExchange x = mode.equals("ipc") ? AeronExchange.ipc(config, Path.of(where))
                : AeronExchange.udp(config, Arrays.stream(where.split(",")).map(Endpoint::parse).toList())) {
            byte[] message = new byte[bytes];
            for (int k = 0; k < rounds; k++) {
                busy(gapNanos);
                x.allGather(message, bytes); // warm-up
            }
            ByteBuffer times = ByteBuffer.allocate(16 * rounds);
            for (int k = 0; k < rounds; k++) {
                busy(gapNanos);
                long t0 = System.nanoTime();
                x.allGather(message, bytes);
                times.putLong(t0).putLong(System.nanoTime());
            }
            Files.write(out, times.array());
        }
    }

    private static void busy(long nanos) {
        long end = System.nanoTime() + nanos;
        while (nanos > 0 && System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }

    private static double us(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e3;
    }

    private static void launch(String[] args) throws Exception {
        String mode = args[1];
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int bytes = args.length > 3 ? Integer.parseInt(args[3]) : 1024;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
        long gap = args.length > 5 ? Long.parseLong(args[5]) : 0;
        String where;
        if (mode.equals("ipc")) {
            where = AeronExchange.newDriverDirectory().toString();
        } else {
            List<String> eps = new ArrayList<>();
            for (int port : ProbeJvm.freeUdpPorts(size)) {
                eps.add("127.0.0.1:" + port);
            }
            where = String.join(",", eps);
        }
        List<Process> children = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        for (int r = 0; r < size; r++) {
            Path out = Files.createTempFile("exchange-latency-", ".bin");
            outs.add(out);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m"));
            System.getProperties().forEach((k, v) -> {
                if (k.toString().startsWith("aeron.")) {
                    command.add("-D" + k + "=" + v);
                }
            });
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ExchangeLatency.class.getName(), mode,
                    Integer.toString(r), Integer.toString(size), where, Integer.toString(bytes), Integer.toString(rounds),
                    Long.toString(gap), out.toString()));
            children.add(new ProcessBuilder(command).inheritIO().start());
        }
        for (Process p : children) {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("a child failed");
            }
        }
        long[][] enter = new long[size][rounds];
        long[][] leave = new long[size][rounds];
        for (int r = 0; r < size; r++) {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(outs.get(r)));
            for (int k = 0; k < rounds; k++) {
                enter[r][k] = b.getLong();
                leave[r][k] = b.getLong();
            }
            Files.delete(outs.get(r));
        }
        long[] cost = new long[rounds];
        for (int k = 0; k < rounds; k++) {
            long lastIn = Long.MIN_VALUE;
            long lastOut = Long.MIN_VALUE;
            for (int r = 0; r < size; r++) {
                lastIn = Math.max(lastIn, enter[r][k]);
                lastOut = Math.max(lastOut, leave[r][k]);
            }
            cost[k] = lastOut - lastIn;
        }
        double period = (double) (leave[0][rounds - 1] - enter[0][0]) / rounds / 1e3;
        Arrays.sort(cost);
        double mean = Arrays.stream(cost).average().orElse(0) / 1e3;
        System.out.printf("%s P=%d %d B gap %d µs, last in to last out: p50 %.1f µs, p90 %.1f, p99 %.1f, p99.9 %.1f,"
                + " mean %.1f; round period %.1f µs (%d rounds)%n", mode, size, bytes, gap, us(cost, 0.5), us(cost, 0.9),
                us(cost, 0.99), us(cost, 0.999), mean, period, rounds);
    }
}
