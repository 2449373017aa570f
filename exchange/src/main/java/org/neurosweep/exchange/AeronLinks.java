package org.neurosweep.exchange;

import io.aeron.Aeron;
import io.aeron.AeronCounters;
import io.aeron.ChannelUriStringBuilder;
import io.aeron.CncFileDescriptor;
import io.aeron.CommonContext;
import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.driver.status.StreamCounter;
import io.aeron.exceptions.AeronException;
import io.aeron.exceptions.ClientTimeoutException;
import io.aeron.exceptions.ConductorServiceTimeoutException;
import io.aeron.exceptions.DriverTimeoutException;
import io.aeron.exceptions.RegistrationException;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

/**
 * The Aeron side of an {@link AeronExchange}: the media driver (embedded in rank 0 for IPC, in every
 * process for UDP), the client, one publication per process (IPC: one, read by every peer from shared
 * memory) or per peer (UDP), one subscription per peer, and the checks that tell a live peer from a gone
 * one. Rank r sends on stream {@code streamIdBase + r}.
 */
final class AeronLinks implements AutoCloseable {
    final AeronConfig config;
    final boolean ipc;
    final List<Endpoint> endpoints;
    final Path directory;
    private final boolean ownsDirectory;
    private MediaDriver driver;
    private Aeron aeron;
    private Thread cleanupHook;
    /** IPC: one publication; UDP: one per peer, by rank (null at this rank). */
    ExclusivePublication[] publications;
    /** The peer each publication goes to; -1 for IPC's, which goes to all. */
    int[] publicationPeer;
    /** By peer rank, null at this rank. */
    Subscription[] subscriptions;
    /** Each peer's stream once connected, by rank (null at this rank). */
    final Image[] images;
    /** Process ids the peers gave in their greeting, 0 until then. */
    final long[] pids;
    /** An error after which this process's Aeron client no longer works (driver gone, client timed out). */
    private volatile Throwable clientFatal;
    /** The last error Aeron reported (client or driver), for messages. */
    private volatile Throwable lastError;

    private AeronLinks(AeronConfig config, boolean ipc, List<Endpoint> endpoints, Path directory, boolean ownsDirectory) {
        this.config = config;
        this.ipc = ipc;
        this.endpoints = endpoints;
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
        images = new Image[config.size()];
        pids = new long[config.size()];
    }

    /** IPC: rank 0 starts the driver in {@code directory}; the others wait for it there. */
    static AeronLinks ipc(AeronConfig config, Path directory) {
        if (config.rank() == 0) {
            refuseForeignDirectory(directory);
        }
        AeronLinks links = new AeronLinks(config, true, null, directory, config.rank() == 0);
        try {
            long deadline = System.nanoTime() + config.connectTimeout().toNanos();
            if (config.rank() == 0) {
                links.launchDriver(driverContext(config, true).ipcMtuLength(config.ipcMtu()).ipcTermBufferLength(config.termLength()));
                links.connectClient();
            } else {
                links.connectClientWhenDriverUp(deadline);
            }
            String channel = new ChannelUriStringBuilder().media(CommonContext.IPC_MEDIA)
                    .termLength(config.termLength()).mtu(config.ipcMtu()).sparse(true).build();
            links.subscriptions = new Subscription[config.size()];
            for (int p = 0; p < config.size(); p++) {
                if (p != config.rank()) {
                    links.subscriptions[p] = links.aeron.addSubscription(CommonContext.IPC_CHANNEL, config.streamIdBase() + p);
                }
            }
            links.publications = new ExclusivePublication[] {
                links.aeron.addExclusivePublication(channel, config.streamIdBase() + config.rank())};
            links.publicationPeer = new int[] {-1};
            links.awaitConnected(deadline);
            return links;
        } catch (AeronException e) {
            links.close();
            throw links.setupFailure(e);
        } catch (RuntimeException | Error e) {
            links.close();
            throw e;
        }
    }

    /** UDP: every process starts its own driver, listens on its endpoint and publishes to each peer's. */
    static AeronLinks udp(AeronConfig config, List<Endpoint> endpoints) {
        AeronLinks links = new AeronLinks(config, false, List.copyOf(endpoints), AeronExchange.newDriverDirectory(), true);
        try {
            long deadline = System.nanoTime() + config.connectTimeout().toNanos();
            int socketBuffer = clampToOs(config.socketBufferLength());
            links.launchDriver(driverContext(config, false)
                    .mtuLength(config.udpMtu())
                    .publicationTermBufferLength(config.termLength())
                    .socketRcvbufLength(socketBuffer)
                    .socketSndbufLength(socketBuffer)
                    .initialWindowLength(Math.max(config.udpMtu(), Math.min(socketBuffer, config.termLength() / 2))));
            links.connectClient();
            Endpoint own = endpoints.get(config.rank());
            String listen = new ChannelUriStringBuilder().media(CommonContext.UDP_MEDIA).endpoint(own.toString()).build();
            links.subscriptions = new Subscription[config.size()];
            for (int p = 0; p < config.size(); p++) {
                if (p != config.rank()) {
                    try {
                        links.subscriptions[p] = links.aeron.addSubscription(listen, config.streamIdBase() + p);
                    } catch (RegistrationException e) {
                        throw new ExchangeException(config.rank(), "process " + config.rank() + " cannot listen on UDP "
                                + own + " (port in use, or not an address of this host): " + e.getMessage(), e);
                    }
                }
            }
            links.publications = new ExclusivePublication[config.size()];
            links.publicationPeer = new int[config.size()];
            for (int p = 0; p < config.size(); p++) {
                links.publicationPeer[p] = p;
                if (p != config.rank()) {
                    String to = new ChannelUriStringBuilder().media(CommonContext.UDP_MEDIA)
                            .endpoint(endpoints.get(p).toString())
                            .termLength(config.termLength()).mtu(config.udpMtu()).sparse(true).build();
                    links.publications[p] = links.aeron.addExclusivePublication(to, config.streamIdBase() + config.rank());
                }
            }
            links.awaitConnected(deadline);
            return links;
        } catch (AeronException e) {
            links.close();
            throw links.setupFailure(e);
        } catch (RuntimeException | Error e) {
            links.close();
            throw e;
        }
    }

    private static MediaDriver.Context driverContext(AeronConfig config, boolean ipc) {
        long liveness = config.livenessTimeout().toNanos();
        return new MediaDriver.Context()
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(IdleStrategies.driver(ipc))
                .sharedThreadFactory(AeronLinks::daemon)
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true)
                .warnIfDirectoryExists(false)
                .termBufferSparseFile(true)
                .clientLivenessTimeoutNs(liveness)
                .imageLivenessTimeoutNs(liveness)
                .publicationConnectionTimeoutNs(liveness)
                .publicationUnblockTimeoutNs(2 * liveness);
    }

    private void launchDriver(MediaDriver.Context ctx) {
        if (ownsDirectory) {
            registerCleanupHook();
        }
        ctx.aeronDirectoryName(directory.toString()).errorHandler(e -> lastError = e);
        try {
            driver = MediaDriver.launch(ctx);
        } catch (RuntimeException e) {
            throw new ExchangeException(config.rank(), "process " + config.rank()
                    + " could not start an Aeron media driver in " + directory + ": " + e, e);
        }
    }

    private void connectClient() {
        aeron = Aeron.connect(clientContext());
    }

    /** Ranks 1.. of IPC: rank 0 may still be starting; wait (polling) for its driver to be up. */
    private void connectClientWhenDriverUp(long deadline) {
        RuntimeException last = null;
        while (true) {
            if (driverActive()) {
                try {
                    aeron = Aeron.connect(clientContext());
                    return;
                } catch (RuntimeException e) {
                    last = e;
                }
            }
            if (config.peerAlive().test(0) && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                continue;
            }
            throw new ExchangeException(0, "process " + config.rank() + " found no Aeron media driver in " + directory
                    + " within " + config.connectTimeout().toSeconds() + " s (process 0 starts it)"
                    + (config.peerAlive().test(0) ? "" : "; process 0 has died") + (last == null ? "" : ": " + last), last);
        }
    }

    private Aeron.Context clientContext() {
        return new Aeron.Context()
                .aeronDirectoryName(directory.toString())
                .driverTimeoutMs(config.livenessTimeout().toMillis())
                .threadFactory(AeronLinks::daemon)
                .clientName("neurosweep exchange rank " + config.rank())
                .errorHandler(this::onClientError);
    }

    private void onClientError(Throwable e) {
        lastError = e;
        if (e instanceof DriverTimeoutException || e instanceof ConductorServiceTimeoutException
                || e instanceof ClientTimeoutException) {
            clientFatal = e;
        }
    }

    /** Whether the media driver in {@link #directory} is running (heartbeat younger than the liveness timeout). */
    boolean driverActive() {
        try {
            return CommonContext.isDriverActive(directory.toFile(), config.livenessTimeout().toMillis(), s -> { });
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Waits until every publication is connected (IPC: read by every peer) and every subscription has its
     * peer's stream; a peer that does not appear by {@code deadline} is named.
     */
    private void awaitConnected(long deadline) {
        IdleStrategy idle = new SleepingMillisIdleStrategy(1); // peers may still be starting: leave them the cores
        while (true) {
            List<Integer> missing = new ArrayList<>();
            for (int p = 0; p < config.size(); p++) {
                if (p == config.rank()) {
                    continue;
                }
                int count = subscriptions[p].imageCount();
                if (count > 1) {
                    throw new ExchangeException(p, "more than one process sends as rank " + p
                            + " (two processes were given the same rank?)");
                }
                boolean connected = count == 1 && (ipc || publications[p].isConnected());
                if (connected) {
                    images[p] = subscriptions[p].imageAtIndex(0);
                } else {
                    missing.add(p);
                }
            }
            int readers = ipc ? subscribersOf(publications[0]) : config.size() - 1;
            if (readers > config.size() - 1) {
                throw new ExchangeException(-1, (readers - config.size() + 1) + " more process(es) than the "
                        + (config.size() - 1) + " peers read rank " + config.rank() + "'s stream (two processes were"
                        + " given the same rank?)");
            }
            if (missing.isEmpty() && readers == config.size() - 1) {
                return;
            }
            ExchangeException failure = transportFailure();
            if (failure != null) {
                throw failure;
            }
            for (int p : missing) {
                if (!config.peerAlive().test(p)) {
                    throw new ExchangeException(p, describe(p) + " died before it connected");
                }
            }
            if (System.nanoTime() - deadline > 0) {
                if (missing.isEmpty()) {
                    throw new ExchangeException(-1, "only " + readers + " of the " + (config.size() - 1) + " peers of process "
                            + config.rank() + " subscribed to its stream within " + config.connectTimeout().toSeconds() + " s");
                }
                List<String> who = new ArrayList<>();
                missing.forEach(p -> who.add(describe(p)));
                throw new ExchangeException(missing.get(0), String.join(", ", who) + (ipc ? " did not join" : " did not answer")
                        + " within " + config.connectTimeout().toSeconds() + " s"
                        + (ipc ? " (driver " + directory + ")" : " (unreachable?)"));
            }
            idle.idle();
        }
    }

    /** IPC: how many subscribers read {@code publication}, counted from the driver's subscriber positions. */
    private int subscribersOf(ExclusivePublication publication) {
        int[] count = {0};
        aeron.countersReader().forEach((counterId, typeId, key, label) -> {
            if (typeId == AeronCounters.DRIVER_SUBSCRIBER_POSITION_TYPE_ID
                    && key.getInt(StreamCounter.SESSION_ID_OFFSET) == publication.sessionId()
                    && key.getInt(StreamCounter.STREAM_ID_OFFSET) == publication.streamId()) {
                count[0]++;
            }
        });
        return count[0];
    }

    /** An Aeron error while connecting, blaming the IPC driver's host when its driver is gone. */
    private ExchangeException setupFailure(AeronException e) {
        ExchangeException transport = transportFailure();
        if (transport != null) {
            return transport;
        }
        if (ipc && config.rank() != 0 && !driverActive()) {
            return new ExchangeException(0, "the Aeron media driver of process 0 in " + directory
                    + " went away while process " + config.rank() + " connected: " + e.getMessage(), e);
        }
        return new ExchangeException(-1, "process " + config.rank() + " could not set up its Aeron streams: "
                + e.getMessage(), e);
    }

    /** Rank 0 empties the directory it is given (Aeron's dirDeleteOnStart): only a fresh or old driver directory. */
    private static void refuseForeignDirectory(Path directory) {
        try (var entries = Files.list(directory)) {
            if (entries.findAny().isPresent() && !Files.exists(directory.resolve(CncFileDescriptor.CNC_FILE))) {
                throw new IllegalArgumentException("driver directory " + directory + " holds files but no Aeron "
                        + CncFileDescriptor.CNC_FILE + "; give a fresh one (AeronExchange.newDriverDirectory())");
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            if (Files.exists(directory)) {
                throw new IllegalArgumentException("driver directory " + directory + " is not a directory", e);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("driver directory " + directory + " cannot be read: " + e, e);
        }
    }

    /**
     * Why this process's transport no longer works, naming who is at fault (IPC: rank 0, whose driver is
     * gone), or null while it works.
     */
    ExchangeException transportFailure() {
        Throwable fatal = clientFatal;
        if (fatal == null) {
            return null;
        }
        if (ipc && config.rank() != 0) {
            return new ExchangeException(0, "the Aeron media driver of " + describe(0) + " in " + directory
                    + " stopped (process 0 died or closed): " + fatal.getMessage(), fatal);
        }
        return new ExchangeException(config.rank(), "the Aeron client of process " + config.rank() + " failed: "
                + fatal.getMessage(), fatal);
    }

    /**
     * Why peer {@code p} can no longer send, or null while its stream is open: it ended (the peer closed,
     * or its Aeron client timed out after it died), it closed, or (UDP) the peer stopped acknowledging.
     */
    String peerGone(int p) {
        Image image = images[p];
        if (image.isEndOfStream()) {
            return "its stream ended (the process died or closed without a word)";
        }
        if (image.isClosed()) {
            return "its stream closed (nothing heard from it for " + config.livenessTimeout().toSeconds() + " s)";
        }
        if (!ipc && !publications[p].isConnected()) {
            return "it stopped acknowledging (nothing heard from it for " + config.livenessTimeout().toSeconds() + " s)";
        }
        return null;
    }

    /** The failure for peer {@code p} gone for {@code reason}; IPC: blames the driver's host when the driver is gone. */
    ExchangeException peerFailure(int p, String reason, String when) {
        ExchangeException transport = transportFailure();
        if (transport == null && ipc && config.rank() != 0 && images[p].isClosed() && !images[p].isEndOfStream()
                && !driverActive()) {
            return new ExchangeException(0, "the Aeron media driver of " + describe(0) + " in " + directory
                    + " is gone (process 0 died or closed) " + when);
        }
        if (transport != null) {
            return transport;
        }
        return new ExchangeException(p, describe(p) + " is gone " + when + ": " + reason + lastErrorNote());
    }

    /** "process 2 (pid 123, 10.0.0.2:40123)" with what is known. */
    String describe(int p) {
        StringBuilder s = new StringBuilder("process ").append(p);
        List<String> known = new ArrayList<>();
        if (pids[p] != 0) {
            known.add("pid " + pids[p]);
        }
        if (endpoints != null) {
            known.add(endpoints.get(p).toString());
        }
        if (!known.isEmpty()) {
            s.append(" (").append(String.join(", ", known)).append(')');
        }
        return s.toString();
    }

    private String lastErrorNote() {
        Throwable e = lastError;
        return e == null ? "" : " [last Aeron error: " + e + "]";
    }

    /** Closes publications, subscriptions, client and driver; deletes the driver directory this process made. */
    @Override
    public void close() {
        if (publications != null) {
            for (ExclusivePublication pub : publications) {
                CloseHelper.quietClose(pub);
            }
        }
        if (subscriptions != null) {
            for (Subscription sub : subscriptions) {
                CloseHelper.quietClose(sub);
            }
        }
        CloseHelper.quietClose(aeron);
        CloseHelper.quietClose(driver);
        if (ownsDirectory) {
            deleteDirectory(directory);
            if (cleanupHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanupHook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway
                }
            }
        }
    }

    /** Deletes the driver directory at JVM exit should the exchange not be closed (not on kill -9). */
    private void registerCleanupHook() {
        Path dir = directory;
        cleanupHook = new Thread(() -> deleteDirectory(dir), "neurosweep-exchange-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupHook);
    }

    static void deleteDirectory(Path dir) {
        if (Files.exists(dir)) {
            IoUtil.delete(dir.toFile(), true);
        }
    }

    /** The largest socket buffer the OS grants (Linux reports twice net.core.rmem_max), at most {@code wanted}. */
    private static int clampToOs(int wanted) {
        try (DatagramChannel probe = DatagramChannel.open()) {
            probe.setOption(StandardSocketOptions.SO_RCVBUF, wanted);
            int rcv = probe.getOption(StandardSocketOptions.SO_RCVBUF);
            probe.setOption(StandardSocketOptions.SO_SNDBUF, wanted);
            int snd = probe.getOption(StandardSocketOptions.SO_SNDBUF);
            return Math.max(64 * 1024, Math.min(wanted, Math.min(rcv, snd)));
        } catch (IOException e) {
            return Math.min(wanted, 128 * 1024);
        }
    }

    /** Aeron's threads are daemons: a JVM that ends without closing the exchange still exits. */
    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    }
}
