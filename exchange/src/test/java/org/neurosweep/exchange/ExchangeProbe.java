package org.neurosweep.exchange;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One process of an exchange, for tests that start several as JVMs: connects, runs rounds whose messages
 * are known in advance (rank r's message of round k is {@link #length} bytes of {@link #content}: empty
 * every fifth round, up to 10 KB otherwise, 4 MiB in round {@code big}), checks every message received and
 * prints one result line.
 *
 * <p>Arguments, {@code key=value}: {@code mode=ipc|udp rank= size= rounds=}, {@code dir=} (ipc),
 * {@code endpoints=h:p,h:p,..} (udp), optional {@code big=} (round with the 4 MiB message, default none),
 * {@code mark=} (prints {@code REACHED k} when round k is done), {@code leave=} (closes the exchange after
 * that round, prints {@code LEFT k} and exits 0). Prints {@code OK rank=r rounds=n ...} and
 * exits 0, or {@code FAIL rank=r peer=p message} and exits 3 on an {@link ExchangeException}.
 */
public final class ExchangeProbe {
    static final int BIG = 4 * 1024 * 1024;

    private ExchangeProbe() {
    }

    public static void main(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        int rank = Integer.parseInt(a.get("rank"));
        int size = Integer.parseInt(a.get("size"));
        long rounds = Long.parseLong(a.get("rounds"));
        long big = Long.parseLong(a.getOrDefault("big", "-1"));
        long mark = Long.parseLong(a.getOrDefault("mark", "-1"));
        long leave = Long.parseLong(a.getOrDefault("leave", "-1"));
        AeronConfig config = AeronConfig.of(rank, size);
        try (Exchange x = connect(a.get("mode"), config, a)) {
            byte[] message = new byte[0];
            for (long k = 0; k < rounds; k++) {
                int length = length(rank, k, big);
                if (message.length < length) {
                    message = new byte[length];
                }
                fill(message, length, rank, k);
                ByteBuffer[] got = x.allGather(message, length);
                for (int p = 0; p < size; p++) {
                    String wrong = check(got[p], p, k, big);
                    if (wrong != null) {
                        System.out.println("WRONG rank=" + rank + " round=" + k + " from=" + p + " " + wrong);
                        System.exit(4);
                    }
                }
                if (k == mark) {
                    System.out.println("REACHED " + k);
                }
                if (k == leave) {
                    break;
                }
            }
            if (leave < 0) {
                Exchange.Counters c = x.counters();
                System.out.println("OK rank=" + rank + " rounds=" + c.rounds() + " bytesSent=" + c.bytesSent());
            }
        } catch (ExchangeException e) {
            System.out.println("FAIL rank=" + rank + " peer=" + e.peer() + " " + e.getMessage());
            System.exit(3);
        }
        if (leave >= 0) {
            System.out.println("LEFT " + leave); // after close: the others were told
        }
    }

    private static Exchange connect(String mode, AeronConfig config, Map<String, String> a) {
        if (mode.equals("ipc")) {
            return AeronExchange.ipc(config, Path.of(a.get("dir")));
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (String e : a.get("endpoints").split(",")) {
            endpoints.add(Endpoint.parse(e));
        }
        return AeronExchange.udp(config, endpoints);
    }

    /** Rank r's message length in round k. */
    static int length(int r, long k, long big) {
        if (k == big) {
            return BIG + 3 * r;
        }
        return k % 5 == 0 ? 0 : (int) ((r * 7919L + k * 104_729L) % 10_240);
    }

    /** Byte i of rank r's message in round k. */
    static byte content(int r, long k, int i) {
        return (byte) ((i * 31) ^ (i >>> 9) ^ (r * 17 + k * 13));
    }

    static void fill(byte[] message, int length, int r, long k) {
        for (int i = 0; i < length; i++) {
            message[i] = content(r, k, i);
        }
    }

    /** What is wrong with {@code got} as rank p's message of round k, or null. */
    static String check(ByteBuffer got, int p, long k, long big) {
        int length = length(p, k, big);
        if (got.remaining() != length) {
            return "length " + got.remaining() + ", expected " + length;
        }
        for (int i = 0; i < length; i++) {
            if (got.get(got.position() + i) != content(p, k, i)) {
                return "byte " + i + " differs";
            }
        }
        return null;
    }
}
