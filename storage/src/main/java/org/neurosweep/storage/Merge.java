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
        requireOutput(out, inputs);
        List<TrajectoryReader> readers = open(inputs);
        try {
            List<ShardMerge.Part> shards = shards(inputs, readers);
            if (shards == null) {
                return SweepAppend.append(out, inputs, readers, removeDuplicates);
            }
            readers.forEach(TrajectoryReader::close);
            ShardMerge.Result r = ShardMerge.merge(out, shards, true);
            List<String> notes = new ArrayList<>();
            r.missingShards().forEach(m -> notes.add("shard " + m + " is missing: its runs stay pending; resume " + out + " to run them"));
            return new Outcome(r.shards(), r.runs(), r.completed(), notes, "merged " + r.shards() + " shard" + (r.shards() == 1 ? "" : "s")
                    + " into " + out + ": " + r.completed() + " of " + r.runs() + " runs completed");
        } finally {
            readers.forEach(TrajectoryReader::close);
        }
    }

    /**
     * Merges {@code inputs} into {@code tmp} to read them as one sweep: shards without their runs' own groups, which
     * the returned {@link ShardsInPlace} reads from the shard files; whole sweeps appended (then null is returned).
     */
    static ShardsInPlace forReading(Path tmp, List<Path> inputs) {
        requireOutput(tmp, inputs);
        List<TrajectoryReader> readers = open(inputs);
        try {
            List<ShardMerge.Part> shards = shards(inputs, readers);
            if (shards == null) {
                SweepAppend.append(tmp, inputs, readers, false);
                return null;
            }
            readers.forEach(TrajectoryReader::close);
            ShardMerge.Result r = ShardMerge.merge(tmp, shards, false);
            return new ShardsInPlace(r.merged(), r.files());
        } finally {
            readers.forEach(TrajectoryReader::close);
        }
    }

    /** Refuses an output that exists, cannot be written or is an input, and an input given twice or none. */
    private static void requireOutput(Path out, List<Path> inputs) {
        if (inputs.isEmpty()) {
            throw new MergeException("give at least one input file");
        }
        if (Files.exists(out)) {
            throw new MergeException(out + " exists; merging never overwrites (remove it or choose another name)");
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new MergeException("cannot write " + out + ": the directory " + dir
                    + (Files.exists(dir) ? " is not a directory" : " does not exist"));
        }
        List<Path> seen = new ArrayList<>();
        Path outAbs = out.toAbsolutePath().normalize();
        for (Path in : inputs) {
            Path abs = in.toAbsolutePath().normalize();
            if (abs.equals(outAbs)) {
                throw new MergeException("the output " + out + " is one of the inputs");
            }
            if (seen.contains(abs)) {
                throw new MergeException(in + " is given twice");
            }
            seen.add(abs);
        }
    }

    /** Each input opened once (all closed again if one cannot be). */
    private static List<TrajectoryReader> open(List<Path> inputs) {
        List<TrajectoryReader> readers = new ArrayList<>();
        try {
            for (Path in : inputs) {
                readers.add(TrajectoryReader.open(in));
            }
            return readers;
        } catch (RuntimeException e) {
            readers.forEach(TrajectoryReader::close);
            throw e;
        }
    }

    /** The inputs as shards of a sweep, or null when they are whole sweeps to append; a mix is refused. */
    private static List<ShardMerge.Part> shards(List<Path> inputs, List<TrajectoryReader> readers) {
        List<ShardMerge.Part> shards = new ArrayList<>();
        Path whole = null;
        for (int i = 0; i < inputs.size(); i++) {
            Optional<Shard> s = readers.get(i).shard();
            if (s.isPresent()) {
                shards.add(new ShardMerge.Part(inputs.get(i), s.get(), readers.get(i).sweepId().orElseThrow()));
            } else if (whole == null) {
                whole = inputs.get(i);
            }
        }
        if (!shards.isEmpty() && whole != null) {
            throw new MergeException(shards.get(0).path() + " is a shard of a sweep (run --shard K/N) but " + whole + " holds a"
                    + " whole sweep; merge the shards of each sweep first (neurosweep merge SWEEP.h5 SHARD.h5 ...), then the sweeps");
        }
        if (shards.isEmpty() && inputs.size() < 2) {
            throw new MergeException(inputs.get(0) + " is a whole sweep; appending needs at least two");
        }
        return shards.isEmpty() ? null : shards;
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
            } catch (MergeException e) {
                throw new StorageException("cannot read " + paths.size() + " files as one sweep: " + e.reason(), e);
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
