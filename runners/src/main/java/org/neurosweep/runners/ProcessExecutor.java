package org.neurosweep.runners;

import com.esotericsoftware.kryo.Kryo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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

/**
 * PROCESSES + PIPE: worker JVMs pull runs. Each worker holds a small window of run indices (wider when
 * runs are fast, so pipes carry batches); its answers come back as frames and are stored by the caller's
 * thread. A worker that dies (exit, out of memory, kill -9) is replaced and its runs are retried up to
 * the retry limit, then stored as failed.
 */
final class ProcessExecutor {
    private final SweepState s;
    private final Environment.Settings settings;
    private final KryoRegistry registry;
    private final Kryo kryo;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<WorkerProcess> workers = new ArrayList<>();
    private final RunBook book;
    private byte[] hello;
    private byte[] init;
    private int started;

    ProcessExecutor(SweepState s, Environment.Settings settings) {
        this.s = s;
        this.settings = settings;
        this.registry = new KryoRegistry(settings.registered());
        this.kryo = registry.newKryo();
        this.book = new RunBook(s, settings.maxRetries(), 1e6);
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
                if (RunBook.idle(workers) && (s.stop.stopping() || book.nothingLeft())) {
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
        WorkerProcess w = WorkerProcess.start("worker-" + (++started), settings.workerHeap(), settings.userCode(), registry,
                events);
        w.send(hello);
        w.send(init);
        w.flush();
        workers.add(w);
    }

    private void dispatch() {
        if (s.stop.stopping()) {
            return;
        }
        int window = book.window();
        for (WorkerProcess w : workers) {
            if (w.exited()) {
                continue;
            }
            boolean sent = false;
            while (w.inFlight.size() < window) {
                long i = book.next();
                if (i < 0) {
                    break;
                }
                send(w, i);
                sent = true;
            }
            if (sent) {
                w.flush();
            }
        }
        // end game: an idle worker also takes a run queued behind another worker's current one
        book.steal(workers, (idle, run) -> {
            send(idle, run);
            idle.flush();
        });
    }

    private void send(WorkerProcess w, long run) {
        w.inFlight.add(run);
        w.send(KryoRegistry.encode(kryo, settings.freezeInput()
                ? new WireMessage.Task(run, null, null)
                : new WireMessage.Task(run, TrajectorySnapshot.forRun(s.trajectory, run), s.function)));
    }

    private void handle(Event e, Progress progress) throws IOException {
        WorkerProcess w = e.worker();
        if (e instanceof Answer a && a.message() instanceof WireMessage.Done done) {
            RunRecord r = done.record();
            if (w.inFlight.remove(r.index()) && book.store(r)) {
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
                if (RunBook.heldElsewhere(workers, w, i)) {
                    oldest = false;
                    continue;
                }
                if (!oldest) {
                    book.handOutAgain(i);
                    continue;
                }
                oldest = false;
                book.lost(i, w.name, n -> "the worker running this run died " + n + " times; last: " + why);
            }
            w.inFlight.clear();
            // forgotten once handled: each dead worker kept its 64 KiB pipe buffer and was visited by every
            // dispatch (a worker killed every 3 s for a day: 28,800 of them, 1.8 GB)
            workers.remove(w);
            if (!s.stop.stopping() && !book.nothingLeft()) {
                startWorker();
            }
            progress.workers(live());
        }
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
                if (!w.process.waitFor(Timeouts.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
                    w.kill();
                }
            } catch (InterruptedException e) {
                w.kill();
                Thread.currentThread().interrupt();
            }
        }
    }
}
