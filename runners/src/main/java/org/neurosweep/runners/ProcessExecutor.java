package org.neurosweep.runners;

import com.esotericsoftware.kryo.Kryo;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.neurosweep.runners.WorkerProcess.Answer;
import org.neurosweep.runners.WorkerProcess.Event;
import org.neurosweep.runners.WorkerProcess.Exited;
import org.neurosweep.runners.wire.KryoRegistry;
import org.neurosweep.runners.wire.TrajectorySnapshot;
import org.neurosweep.runners.wire.WireMessage;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;

/**
 * PROCESSES + PIPE: worker JVMs pull runs. Each worker holds a small window of run indices (wider when
 * runs are fast, so pipes carry batches); its answers come back as frames and are stored by the caller's
 * thread. A worker that dies (exit, out of memory, kill -9) is replaced and its runs are retried up to
 * the retry limit, then stored as failed.
 */
final class ProcessExecutor {
    private static final long TARGET_WINDOW_NANOS = 20_000_000L;
    private static final int MAX_WINDOW = 256;

    private final SweepState s;
    private final Environment.Settings settings;
    private final KryoRegistry registry;
    private final Kryo kryo;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<WorkerProcess> workers = new ArrayList<>();
    private final Deque<Long> retry = new ArrayDeque<>();
    private final Map<Long, Integer> attempts = new HashMap<>();
    /** Runs already handed to the sink: a run sent to two workers (end-game stealing) is stored once. */
    private final Set<Long> delivered = new HashSet<>();
    private final Set<Long> stolen = new HashSet<>();
    private byte[] hello;
    private byte[] init;
    private int started;
    private double meanRunNanos = 1e6;

    ProcessExecutor(SweepState s, Environment.Settings settings) {
        this.s = s;
        this.settings = settings;
        this.registry = new KryoRegistry(settings.registered());
        this.kryo = registry.newKryo();
    }

    void execute(Progress progress) throws InterruptedException, IOException {
        hello = KryoRegistry.encode(kryo, new WireMessage.Hello(registry.userClassNames()));
        init = settings.freezeInput()
                ? KryoRegistry.encode(kryo, new WireMessage.Init(TrajectorySnapshot.frozen(s.trajectory), s.function))
                : KryoRegistry.encode(kryo, new WireMessage.Init(null, null));
        if (!settings.freezeInput() && s.trajectory.runCount() > 0) {
            // fail before starting any worker if the run function cannot be sent
            KryoRegistry.encode(kryo, new WireMessage.Task(0, null, s.function));
        }
        try {
            for (int w = 0; w < settings.workers(); w++) {
                startWorker();
            }
            progress.workers(live());
            while (true) {
                dispatch();
                if (idle() && (s.stop.stopping() || (!s.hasNext() && retry.isEmpty()))) {
                    break;
                }
                if (s.stop.aborting()) {
                    break;
                }
                Event e = events.poll(100, TimeUnit.MILLISECONDS);
                while (e != null) {
                    handle(e, progress);
                    e = events.poll();
                }
            }
        } finally {
            shutdown();
        }
    }

    private void startWorker() throws IOException {
        WorkerProcess w = WorkerProcess.start("worker-" + (++started), settings.workerHeap(), registry, events);
        w.send(hello);
        w.send(init);
        w.flush();
        workers.add(w);
    }

    private int window() {
        return (int) Math.max(2, Math.min(MAX_WINDOW, TARGET_WINDOW_NANOS / Math.max(1.0, meanRunNanos)));
    }

    private void dispatch() {
        if (s.stop.stopping()) {
            return;
        }
        int window = window();
        for (WorkerProcess w : workers) {
            if (w.exited()) {
                continue;
            }
            boolean sent = false;
            while (w.inFlight.size() < window) {
                long i = !retry.isEmpty() ? retry.poll() : s.next();
                if (i < 0) {
                    break;
                }
                w.inFlight.add(i);
                w.send(KryoRegistry.encode(kryo, settings.freezeInput()
                        ? new WireMessage.Task(i, null, null)
                        : new WireMessage.Task(i, TrajectorySnapshot.forRun(s.trajectory, i), s.function)));
                sent = true;
            }
            if (sent) {
                w.flush();
            }
        }
        stealForIdleWorkers();
    }

    /**
     * End game: with nothing left to hand out, an idle worker also takes a run still queued behind another
     * worker's current run, so that no run waits for a slow one. The first answer is stored.
     */
    private void stealForIdleWorkers() {
        if (s.hasNext() || !retry.isEmpty()) {
            return;
        }
        for (WorkerProcess idle : workers) {
            if (idle.exited() || !idle.inFlight.isEmpty()) {
                continue;
            }
            for (WorkerProcess busy : workers) {
                if (busy == idle || busy.exited() || busy.inFlight.size() < 2) {
                    continue;
                }
                long queued = -1;
                for (long i : busy.inFlight) {
                    queued = i; // the last one queued: the furthest from being started
                }
                if (!stolen.add(queued)) {
                    continue;
                }
                idle.inFlight.add(queued);
                idle.send(KryoRegistry.encode(kryo, settings.freezeInput()
                        ? new WireMessage.Task(queued, null, null)
                        : new WireMessage.Task(queued, TrajectorySnapshot.forRun(s.trajectory, queued), s.function)));
                idle.flush();
                break;
            }
        }
    }

    private void handle(Event e, Progress progress) throws IOException {
        WorkerProcess w = e.worker();
        if (e instanceof Answer a && a.message() instanceof WireMessage.Done done) {
            RunRecord r = done.record();
            if (w.inFlight.remove(r.index()) && delivered.add(r.index())) {
                meanRunNanos = 0.95 * meanRunNanos + 0.05 * r.durationNanos();
                s.deliver(r);
                for (WorkerProcess other : workers) {
                    other.inFlight.remove(r.index()); // a copy sent to another worker is no longer awaited
                }
            }
        } else if (e instanceof Answer a && a.message() instanceof WireMessage.Crash crash) {
            System.err.println("neurosweep: " + crash.text());
        } else if (e instanceof Exited x && !w.exited()) {
            w.markExited();
            String why = w.name + " exited with status " + x.exitCode() + " (" + x.reason() + ")";
            // a worker runs its tasks in the order received: only the oldest in-flight run can have killed
            // it; the runs queued behind it are handed out again without counting an attempt
            boolean oldest = true;
            for (long i : w.inFlight) {
                if (heldElsewhere(w, i)) {
                    oldest = false;
                    continue;
                }
                if (!oldest) {
                    retry.addFirst(i);
                    continue;
                }
                oldest = false;
                int n = attempts.merge(i, 1, Integer::sum);
                if (n > settings.maxRetries()) {
                    s.deliver(new RunRecord(i, RunStatus.FAILED, System.currentTimeMillis(), 0, w.name,
                            "the worker running this run died " + n + " times; last: " + why, List.of()));
                } else {
                    retry.addLast(i);
                }
            }
            w.inFlight.clear();
            if (!s.stop.stopping() && (s.hasNext() || !retry.isEmpty())) {
                startWorker();
            }
            progress.workers(live());
        }
    }

    private boolean heldElsewhere(WorkerProcess dead, long run) {
        for (WorkerProcess other : workers) {
            if (other != dead && !other.exited() && other.inFlight.contains(run)) {
                return true;
            }
        }
        return false;
    }

    private boolean idle() {
        for (WorkerProcess w : workers) {
            if (!w.exited() && !w.inFlight.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private int live() {
        int n = 0;
        for (WorkerProcess w : workers) {
            n += w.exited() ? 0 : 1;
        }
        return n;
    }

    private void shutdown() {
        byte[] bye = KryoRegistry.encode(kryo, new WireMessage.Shutdown());
        for (WorkerProcess w : workers) {
            if (s.stop.aborting()) {
                w.kill();
            } else if (!w.exited()) {
                w.send(bye);
                w.flush();
            }
        }
        for (WorkerProcess w : workers) {
            try {
                if (!w.process.waitFor(10, TimeUnit.SECONDS)) {
                    w.kill();
                }
            } catch (InterruptedException e) {
                w.kill();
                Thread.currentThread().interrupt();
            }
        }
    }
}
