package org.neurosweep.benchmarks;

import org.neurosweep.runners.Environment;

/** The sweep a phase of the soak runs now, which the end of the phase's time stops (from another thread). */
final class SoakRound {
    private Environment env;
    private SoakTally tally;
    private int round;
    private boolean timeUp;

    /** Makes {@code env} the one running; false, and nothing to run, if the time is already up. */
    synchronized boolean begin(int round, Environment env, SoakTally tally) {
        if (timeUp) {
            return false;
        }
        this.round = round;
        this.env = env;
        this.tally = tally;
        return true;
    }

    /** The time is up: the sweep running stops handing out runs and lets those in flight finish. */
    synchronized void timeUp() {
        timeUp = true;
        if (env != null) {
            env.stop();
        }
    }

    synchronized boolean isTimeUp() {
        return timeUp;
    }

    synchronized int round() {
        return round;
    }

    /** Live workers of the sweep running, as its runner last said; 0 before the first. */
    synchronized int workers() {
        return tally == null ? 0 : tally.workers();
    }
}
