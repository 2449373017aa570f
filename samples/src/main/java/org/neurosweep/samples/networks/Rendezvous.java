package org.neurosweep.samples.networks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neurosweep.exchange.Endpoint;

/**
 * How the processes of one simulation started on cluster workers learn each other's UDP endpoints:
 * rank 0 listens on a TCP port ({@link #open}); every other rank connects ({@link #join}), says its rank
 * and the endpoint it will listen on, and receives every rank's once all have come. One line each way.
 */
public final class Rendezvous implements AutoCloseable {
    private final ServerSocket server;
    private final String host;

    private Rendezvous(ServerSocket server, String host) {
        this.server = server;
        this.host = host;
    }

    /** Listens on {@code host} (bound to {@code bind}, or to {@code host} when null), on any free port. */
    public static Rendezvous open(String host, String bind) throws IOException {
        ServerSocket s = new ServerSocket();
        s.bind(new InetSocketAddress(bind != null ? bind : host, 0));
        return new Rendezvous(s, host);
    }

    /** {@code host:port}, what the other ranks are told to join. */
    public String address() {
        return host + ":" + server.getLocalPort();
    }

    /**
     * Waits until ranks {@code 1 .. processes - 1} have joined, then tells each of them every rank's endpoint
     * (rank 0's: {@code mine}); returns them in rank order. Gives up at once when {@code abandoned} says so
     * (the ranks' launcher has failed), asked every 200 ms.
     *
     * @throws IOException naming the ranks that did not join within {@code timeout}
     */
    public List<Endpoint> gather(int processes, Endpoint mine, Duration timeout, java.util.function.BooleanSupplier abandoned)
            throws IOException {
        Endpoint[] all = new Endpoint[processes];
        all[0] = mine;
        List<Socket> peers = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (int joined = 1; joined < processes; joined++) {
                Socket s = null;
                while (s == null) {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (abandoned.getAsBoolean()) {
                        throw new IOException("the processes' launcher ended before all " + processes + " processes joined");
                    }
                    if (left <= 0) {
                        break;
                    }
                    server.setSoTimeout((int) Math.min(200, left));
                    try {
                        s = server.accept();
                    } catch (SocketTimeoutException e) {
                        // ask again
                    }
                }
                if (s == null) {
                    List<Integer> missing = new ArrayList<>();
                    for (int r = 1; r < processes; r++) {
                        if (all[r] == null) {
                            missing.add(r);
                        }
                    }
                    throw new IOException("processes " + missing + " of " + processes + " did not join within " + timeout.toSeconds()
                            + " s (are there " + (processes - 1) + " free worker slots in the cluster?)");
                }
                s.setSoTimeout(30_000);
                peers.add(s);
                String[] hello = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine()
                        .split(" ");
                int rank = Integer.parseInt(hello[0]);
                if (rank < 1 || rank >= processes || all[rank] != null) {
                    throw new IOException("a process joined as rank " + rank + ", which is not free in 1.." + (processes - 1));
                }
                all[rank] = Endpoint.parse(hello[1]);
            }
            String list = String.join(",", Arrays.stream(all).map(Endpoint::toString).toList());
            for (Socket s : peers) {
                PrintWriter w = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
                w.println(list);
            }
            return List.of(all);
        } finally {
            for (Socket s : peers) {
                s.close();
            }
        }
    }

    /**
     * Joins rank 0's rendezvous at {@code address} as {@code rank}: picks a free UDP port on the address this
     * machine reaches rank 0 from, and returns every rank's endpoint.
     */
    public static List<Endpoint> join(String address, int rank, Duration timeout) throws IOException {
        Endpoint at = Endpoint.parse(address);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(at.host(), at.port()), (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            InetAddress local = s.getLocalAddress();
            int port;
            try (DatagramSocket probe = new DatagramSocket(0, local)) {
                port = probe.getLocalPort();
            }
            PrintWriter w = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
            w.println(rank + " " + Endpoint.of(local.getHostAddress(), port));
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IOException("rank 0 at " + address + " closed the rendezvous before naming the processes");
            }
            List<Endpoint> all = new ArrayList<>();
            for (String e : line.split(",")) {
                all.add(Endpoint.parse(e));
            }
            return all;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
