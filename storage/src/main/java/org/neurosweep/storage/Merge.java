package org.neurosweep.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code neurosweep merge}, pypet's {@code f_merge}: shard files of one sweep become the file the unsplit sweep
 * would have written ({@link ShardMerge}); whole sweeps with the same parameters are appended, with new run
 * indices ({@link SweepAppend}). Inputs are never changed; a merge killed midway leaves no output.
 */
public final class Merge {
    /**
     * What a merge did.
     *
     * @param inputs    how many files were merged
     * @param runs      the merged file's runs
     * @param completed of which completed
     * @param notes     what the user should know (shards missing, duplicates left out), one line each
     * @param summary   one line saying what was merged
     */
    public record Outcome(int inputs, long runs, long completed, List<String> notes, String summary) {
        public Outcome {
            notes = List.copyOf(notes);
        }
    }

    private Merge() {
    }

    /**
     * Merges {@code inputs} into {@code out}, which must not exist: shards of one sweep into that sweep, or whole
     * sweeps of the same parameters one after another ({@code removeDuplicates}: leaving out runs whose parameter
     * point an earlier input holds).
     *
     * @throws StorageException naming the input and what is wrong (a shard among whole sweeps, different parameters, ...)
     */
    public static Outcome merge(Path out, List<Path> inputs, boolean removeDuplicates) {
        if (shards(out, inputs)) {
            ShardMerge.Result r = ShardMerge.merge(out, inputs);
            List<String> notes = new ArrayList<>();
            r.missingShards().forEach(m -> notes.add("shard " + m + " is missing: its runs stay pending; resume " + out + " to run them"));
            return new Outcome(r.shards(), r.runs(), r.completed(), notes, "merged " + r.shards() + " shard" + (r.shards() == 1 ? "" : "s")
                    + " into " + out + ": " + r.completed() + " of " + r.runs() + " runs completed");
        }
        return SweepAppend.append(out, inputs, removeDuplicates);
    }

    /**
     * Merges {@code inputs} into {@code tmp} to read them as one sweep: shards without their runs' own groups, which
     * the returned {@link ShardsInPlace} reads from the shard files; whole sweeps appended (then null is returned).
     */
    static ShardsInPlace forReading(Path tmp, List<Path> inputs) {
        if (shards(tmp, inputs)) {
            ShardMerge.Result r = ShardMerge.merge(tmp, inputs, false);
            return new ShardsInPlace(r.merged(), r.files());
        }
        SweepAppend.append(tmp, inputs, false);
        return null;
    }

    /** Checks the inputs and says whether they are shards (true) or whole sweeps to append (false); refuses a mix. */
    private static boolean shards(Path out, List<Path> inputs) {
        if (inputs.isEmpty()) {
            throw new StorageException("merge: give at least one input file", null);
        }
        if (Files.exists(out)) {
            throw new StorageException("merge: " + out + " exists; merging never overwrites (remove it or choose another name)", null);
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new StorageException("merge: cannot write " + out + ": the directory " + dir
                    + (Files.exists(dir) ? " is not a directory" : " does not exist"), null);
        }
        List<Path> seen = new ArrayList<>();
        Path outAbs = out.toAbsolutePath().normalize();
        Path shard = null;
        Path whole = null;
        for (Path in : inputs) {
            Path abs = in.toAbsolutePath().normalize();
            if (abs.equals(outAbs)) {
                throw new StorageException("merge: the output " + out + " is one of the inputs", null);
            }
            if (seen.contains(abs)) {
                throw new StorageException("merge: " + in + " is given twice", null);
            }
            seen.add(abs);
            Optional<Shard> s;
            try (TrajectoryReader r = TrajectoryReader.open(in)) {
                s = r.shard();
            }
            if (s.isPresent()) {
                shard = shard == null ? in : shard;
            } else {
                whole = whole == null ? in : whole;
            }
        }
        if (shard != null && whole != null) {
            throw new StorageException("merge: " + shard + " is a shard of a sweep (run --shard K/N) but " + whole + " holds a whole"
                    + " sweep; merge the shards of each sweep first (neurosweep merge SWEEP.h5 SHARD.h5 ...), then the sweeps", null);
        }
        if (shard == null && inputs.size() < 2) {
            throw new StorageException("merge: " + inputs.get(0) + " is a whole sweep; appending needs at least two", null);
        }
        return shard != null;
    }

    /** {@link TrajectoryReader#open(List)} of several files: merged for reading into a temporary file. */
    static TrajectoryReader readAsOne(List<Path> paths) {
        Path tmp;
        try {
            Path dir = Files.createTempDirectory("neurosweep-shards-");
            tmp = dir.resolve(paths.get(0).getFileName().toString().replaceAll("\\.h5$", "") + "+" + (paths.size() - 1) + ".h5");
        } catch (java.io.IOException e) {
            throw new StorageException("cannot make a temporary file to read " + paths.size() + " files as one: " + e.getMessage(), e);
        }
        try {
            ShardsInPlace inPlace;
            try {
                inPlace = forReading(tmp, paths);
            } catch (StorageException e) {
                String m = e.getMessage();
                if (!m.startsWith("merge: ")) {
                    throw e;
                }
                throw new StorageException("cannot read " + paths.size() + " files as one sweep: " + m.substring(7), e);
            }
            try {
                TrajectoryReader r = TrajectoryReader.open(tmp);
                r.readsAsOne(tmp, inPlace);
                return r;
            } catch (RuntimeException e) {
                if (inPlace != null) {
                    inPlace.close();
                }
                throw e;
            }
        } catch (RuntimeException e) {
            deleteTemporary(tmp);
            throw e;
        }
    }

    /** Deletes the temporary file of several files read as one, and its directory. */
    static void deleteTemporary(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(tmp.getParent());
        } catch (java.io.IOException e) {
            // the system's temporary directory is cleaned by the system
        }
    }

    /** Removes what a killed merge into {@code tmp} left: the file, and the writer's live and lock files. */
    static void deleteLeftovers(Path tmp) {
        for (Path p : new Path[] {tmp, PublishedFile.liveOf(tmp), tmp.resolveSibling(tmp.getFileName() + ".lock")}) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // the next merge removes it
            }
        }
    }
}
