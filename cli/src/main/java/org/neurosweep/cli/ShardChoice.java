package org.neurosweep.cli;

import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.neurosweep.storage.Shard;

/**
 * Which shard of the sweep a new sweep command runs: {@code --shard K/N}, or, when it is absent, the
 * task of a Slurm job array ({@code K = SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1} in steps of
 * {@code SLURM_ARRAY_TASK_STEP}, {@code N = SLURM_ARRAY_TASK_COUNT}). The environment is passed in, so
 * tests give a map rather than changing the process's own.
 */
final class ShardChoice {
    static final String TASK_ID = "SLURM_ARRAY_TASK_ID";
    static final String TASK_MIN = "SLURM_ARRAY_TASK_MIN";
    static final String TASK_COUNT = "SLURM_ARRAY_TASK_COUNT";
    static final String TASK_STEP = "SLURM_ARRAY_TASK_STEP";

    /**
     * @param spec  the shard, or null: the whole sweep
     * @param where how it was chosen, for the line that says so ("--shard", or the Slurm variables)
     */
    record Choice(Shard.Spec spec, String where) {
    }

    private ShardChoice() {
    }

    static void addOption(Options o) {
        o.addOption(Option.builder().longOpt("shard").hasArg().argName("K/N")
                .desc("run only the K-th of N disjoint, even parts of the sweep (contiguous runs) into its own file,"
                        + " with the whole sweep's run indices; default in a Slurm job array: K and N from "
                        + TASK_ID + " and " + TASK_COUNT + " (--shard 1/1 runs the whole sweep there); see docs/shards.md").build());
    }

    /** The shard the command line or the Slurm job array asks for. */
    static Choice of(CommandLine line, Map<String, String> env) throws UsageException {
        if (line.hasOption("shard")) {
            String text = line.getOptionValue("shard");
            try {
                return new Choice(Shard.parse(text), "--shard " + text.trim());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--shard " + e.getMessage());
            }
        }
        String id = env.get(TASK_ID);
        String count = env.get(TASK_COUNT);
        if (blank(id) || blank(count)) {
            return new Choice(null, null);
        }
        String min = blank(env.get(TASK_MIN)) ? "0" : env.get(TASK_MIN);
        String step = blank(env.get(TASK_STEP)) ? "1" : env.get(TASK_STEP);
        long i = number(TASK_ID, id);
        long lo = number(TASK_MIN, min);
        long n = number(TASK_COUNT, count);
        long by = number(TASK_STEP, step);
        String vars = TASK_ID + "=" + id + ", " + TASK_MIN + "=" + min + ", " + TASK_COUNT + "=" + count
                + (by == 1 ? "" : ", " + TASK_STEP + "=" + step);
        long k = by >= 1 && (i - lo) % by == 0 ? (i - lo) / by + 1 : -1;
        if (n < 1 || n > Integer.MAX_VALUE || k < 1 || k > n) {
            throw new UsageException("the Slurm job array (" + vars + ") gives no shard K/N with K in 1..N: shards need an"
                    + " evenly spaced --array such as 1-10 (not a list such as 1,3,7); give --shard K/N (--shard 1/1 runs the"
                    + " whole sweep in each task)");
        }
        return new Choice(new Shard.Spec((int) k, (int) n), "the Slurm job array (" + vars + ")");
    }

    private static long number(String variable, String value) throws UsageException {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(variable + "='" + value + "' is not a whole number; give --shard K/N instead");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
