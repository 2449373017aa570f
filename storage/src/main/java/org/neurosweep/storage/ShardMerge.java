package org.neurosweep.storage;

import static hdf.hdf5lib.HDF5Constants.H5P_DEFAULT;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;
import hdf.hdf5lib.structs.H5G_info_t;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.neurosweep.trajectory.Runs;
import org.neurosweep.trajectory.ValueType;

/**
 * pypet's {@code f_merge} for the shards of one sweep: the shard files ({@code run --shard K/N}) become the
 * one file the unsplit sweep would have produced. Every shard file holds the whole trajectory and full-length
 * columns in which only its own runs are filled; the merge copies each column's 4,096-run chunks, compressed as
 * they are, from the shard that owns them ({@link ColumnCopy}: a chunk two shards share, and text, value by
 * value), and each run's group from its shard. Inputs are opened read-only; the output is written to {@code OUT.merging},
 * flushed to disk and renamed into place, so a merge killed midway leaves no {@code OUT} at all.
 */
final class ShardMerge {
    /** The groups, below the trajectory's root, whose datasets are one entry per run. */
    private static final String[] COLUMN_GROUPS = {Layout.OVERVIEW + "/" + Layout.RUNS, "results/" + Layout.SUMMARY,
        "derived_parameters/" + Layout.SUMMARY};

    /** What a merge did. */
    record Result(int shards, long runs, long completed, List<String> missingShards, List<Shard> merged, List<Path> files) {
    }

    private ShardMerge() {
    }

    /**
     * Merges {@code parts}, shards of one sweep ({@link Merge} has checked the output and read each input once), into
     * {@code out}; without {@code runGroups}, the output holds the tree, the columns and the run table only, and the
     * runs' own groups stay in the shard files ({@link ShardsInPlace}): reading shards as one.
     *
     * @throws MergeException naming the input and what is wrong: another sweep, another split, a shard given twice
     */
    static Result merge(Path out, List<Part> inputs, boolean runGroups) {
        List<Part> parts = new ArrayList<>();
        for (Part in : inputs) {
            Shard s = in.shard;
            for (Part p : parts) {
                if (!p.sweepId.equals(in.sweepId)) {
                    throw new MergeException(in.path + " is a shard of another sweep than " + p.path + " (sweep ids "
                            + in.sweepId + " and " + p.sweepId + "); shards of one sweep share the sweep's name, seed,"
                            + " parameters and exploration");
                }
                if (p.shard.n() != s.n() || p.shard.sweepRuns() != s.sweepRuns()) {
                    throw new MergeException(in.path + " is shard " + s.label() + " of " + s.sweepRuns() + " runs, "
                            + p.path + " is " + p.shard.label() + " of " + p.shard.sweepRuns());
                }
                if (p.shard.k() == s.k()) {
                    throw new MergeException(in.path + " and " + p.path + " are both shard " + s.k() + "/" + s.n());
                }
            }
            parts.add(in);
        }
        parts.sort(Comparator.comparingInt(p -> p.shard.k()));
        Path tmp = out.resolveSibling(out.getFileName() + ".merging");
        try {
            Files.deleteIfExists(tmp); // what a killed merge left
            if (runGroups) {
                Files.copy(parts.get(0).path, tmp, StandardCopyOption.COPY_ATTRIBUTES);
            } else {
                ShardsInPlace.skeleton(parts.get(0).path, tmp);
            }
            Result r = into(tmp, parts, runGroups);
            PublishedFile.replaceWithLive(out, tmp); // fsync, atomic rename, fsync of the directory
            return r;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new MergeException("writing " + out + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            if (e instanceof StorageException s) {
                throw s;
            }
            throw new MergeException("writing " + out + ": " + e.getMessage(), e);
        }
    }

    /** A shard file as {@link Merge} read it: its shard and the identity of its sweep. */
    record Part(Path path, Shard shard, String sweepId) {
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the next merge removes it
        }
    }

    /** Copies every part but the first (already copied whole) into the open copy's columns and run groups. */
    private static Result into(Path tmp, List<Part> parts, boolean copyGroups) throws HDF5Exception {
        Hdf5.load();
        long file = H5.H5Fopen(tmp.toString(), HDF5Constants.H5F_ACC_RDWR, H5P_DEFAULT);
        try {
            String rootName = rootName(file);
            long root = H5.H5Gopen(file, rootName, H5P_DEFAULT);
            try {
                Set<String> runGroups = new LinkedHashSet<>(runGroups(root));
                List<String> workers = workerNames(parts.get(0).path, rootName); // null: layout version 1 (names in the column)
                int knownWorkers = workers == null ? 0 : workers.size();
                for (Part p : parts.subList(1, parts.size())) {
                    int[] recode = workers == null ? null : recode(workerNames(p.path, rootName), workers);
                    long in = H5.H5Fopen(p.path.toString(), HDF5Constants.H5F_ACC_RDONLY, H5P_DEFAULT);
                    try {
                        long inRoot = H5.H5Gopen(in, rootName, H5P_DEFAULT);
                        try {
                            for (String g : COLUMN_GROUPS) {
                                copyColumns(inRoot, root, g, p, recode);
                            }
                            for (String g : runGroups(inRoot)) {
                                runGroups.add(g);
                                if (copyGroups) {
                                    copyRunGroups(inRoot, root, g, p.shard);
                                }
                            }
                            appendFailures(p.path, rootName, root, p.shard);
                        } finally {
                            H5.H5Gclose(inRoot);
                        }
                    } finally {
                        H5.H5Fclose(in);
                    }
                }
                long overview = H5.H5Gopen(root, Layout.OVERVIEW, H5P_DEFAULT);
                try {
                    if (workers != null && workers.size() > knownWorkers) {
                        try (Column names = Column.open(overview, Layout.WORKERS, ValueType.STRING, 0)) {
                            String[] added = workers.subList(knownWorkers, workers.size()).toArray(new String[0]);
                            names.grow(knownWorkers + added.length);
                            names.write(knownWorkers, added, added.length);
                        }
                    }
                    Hdf5.setStringAttribute(overview, Layout.ATTR_RUN_GROUPS, String.join(",", runGroups));
                    markMerged(overview, parts);
                } finally {
                    H5.H5Gclose(overview);
                }
                long completed = completedRuns(root);
                Shard first = parts.get(0).shard;
                List<String> missing = new ArrayList<>();
                Set<Integer> have = new java.util.HashSet<>();
                parts.forEach(p -> have.add(p.shard.k()));
                for (int k = 1; k <= first.n(); k++) {
                    if (!have.contains(k)) {
                        Shard m = Shard.of(k, first.n(), first.sweepRuns());
                        if (!m.isEmpty()) {
                            missing.add(k + "/" + first.n() + " (runs " + m.first() + ".." + (m.last() - 1) + ")");
                        }
                    }
                }
                return new Result(parts.size(), first.sweepRuns(), completed, missing, parts.stream().map(p -> p.shard).toList(),
                        parts.stream().map(p -> p.path).toList());
            } finally {
                H5.H5Gclose(root);
            }
        } finally {
            H5.H5Fflush(file, HDF5Constants.H5F_SCOPE_GLOBAL);
            H5.H5Fclose(file);
        }
    }

    /**
     * The merged file is a whole sweep: the shard attributes go, and {@code merged_from} on overview says which
     * files and shards it came from ("a.h5 (shard 1/3 of a 10,000-run sweep, sweep id ...); ...").
     */
    private static void markMerged(long overview, List<Part> parts) throws HDF5Exception {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            sb.append(sb.length() == 0 ? "" : "; ").append(p.path.getFileName()).append(" (shard ").append(p.shard.label())
                    .append(" of a ").append(p.shard.sweepRuns()).append("-run sweep, sweep id ").append(p.sweepId).append(')');
        }
        Hdf5.setStringAttribute(overview, ATTR_MERGED_FROM, sb.toString());
        for (String a : new String[] {ShardAttributes.SHARD, ShardAttributes.FIRST, ShardAttributes.LAST, ShardAttributes.SWEEP_RUNS,
            ShardAttributes.SWEEP_ID}) {
            if (H5.H5Aexists(overview, a)) {
                H5.H5Adelete(overview, a);
            }
        }
    }

    /** The attribute on overview that lists the files and shards a merged file came from. */
    public static final String ATTR_MERGED_FROM = "merged_from";

    static String rootName(long file) throws HDF5Exception {
        H5G_info_t info = H5.H5Gget_info(file);
        if (info.nlinks != 1) {
            throw new StorageException("not a trajectory file: its root holds " + info.nlinks + " objects, not 1", null);
        }
        return H5.H5Lget_name_by_idx(file, ".", HDF5Constants.H5_INDEX_NAME, HDF5Constants.H5_ITER_INC, 0, H5P_DEFAULT);
    }

    private static List<String> runGroups(long root) throws HDF5Exception {
        List<String> out = new ArrayList<>();
        long overview = H5.H5Gopen(root, Layout.OVERVIEW, H5P_DEFAULT);
        try {
            if (H5.H5Aexists(overview, Layout.ATTR_RUN_GROUPS)) {
                for (String g : Hdf5.readStringAttribute(overview, Layout.ATTR_RUN_GROUPS).split(",")) {
                    if (!g.isEmpty()) {
                        out.add(g);
                    }
                }
            }
        } finally {
            H5.H5Gclose(overview);
        }
        return out;
    }

    /**
     * Copies the shard's chunks of every column of {@code path} (a column the output lacks is copied whole: the
     * shard's file holds it full length, filled where its runs are not).
     */
    private static void copyColumns(long inRoot, long outRoot, String path, Part p, int[] recode) throws HDF5Exception {
        if (!H5.H5Lexists(inRoot, path.split("/")[0], H5P_DEFAULT) || !H5.H5Lexists(inRoot, path, H5P_DEFAULT)) {
            return;
        }
        long in = H5.H5Gopen(inRoot, path, H5P_DEFAULT);
        try {
            long out = Hdf5.createOrOpenGroup(outRoot, path);
            try {
                for (String name : ShardsInPlace.children(in)) {
                    if (!H5.H5Lexists(out, name, H5P_DEFAULT)) {
                        H5.H5Ocopy(in, name, out, name, H5P_DEFAULT, H5P_DEFAULT);
                        continue;
                    }
                    long src = H5.H5Dopen(in, name, H5P_DEFAULT);
                    long dst = H5.H5Dopen(out, name, H5P_DEFAULT);
                    try {
                        boolean codes = recode != null && path.equals(COLUMN_GROUPS[0]) && name.equals(Layout.COL_WORKER);
                        if (codes && !identity(recode)) {
                            ColumnCopy.recodeWorkers(src, dst, p.shard.first(), p.shard.last(), recode);
                        } else {
                            ColumnCopy.copyRange(src, dst, p.shard.first(), p.shard.last(), path + "/" + name);
                        }
                    } finally {
                        H5.H5Dclose(dst);
                        H5.H5Dclose(src);
                    }
                }
                if (H5.H5Aexists(in, Layout.ATTR_ORDER)) {
                    mergeOrder(in, out);
                }
            } finally {
                H5.H5Gclose(out);
            }
        } finally {
            H5.H5Gclose(in);
        }
    }

    /** The worker names of a layout version 2 file ({@code overview/workers}; code i is name i), or null for version 1. */
    private static List<String> workerNames(Path file, String rootName) {
        try (io.jhdf.HdfFile f = new io.jhdf.HdfFile(file)) {
            io.jhdf.api.Node overview = f.getByPath(rootName + "/" + Layout.OVERVIEW);
            if (!(overview instanceof io.jhdf.api.Group g) || !g.getChildren().containsKey(Layout.WORKERS)) {
                return null;
            }
            io.jhdf.api.Dataset d = (io.jhdf.api.Dataset) g.getChild(Layout.WORKERS);
            if (d.isEmpty()) {
                return new ArrayList<>();
            }
            return new ArrayList<>(List.of((String[]) JhdfValues.column(GlobalHeapCheck.data(d), ValueType.STRING)));
        }
    }

    /** The output's code of each of an input's worker codes; names the output lacks are added to {@code into}. */
    private static int[] recode(List<String> names, List<String> into) {
        if (names == null) {
            throw new MergeException("the shards were written by different layout versions (one has no worker names)");
        }
        int[] map = new int[names.size()];
        for (int c = 0; c < names.size(); c++) {
            int at = into.indexOf(names.get(c));
            if (at < 0) {
                into.add(names.get(c));
                at = into.size() - 1;
            }
            map[c] = at;
        }
        return map;
    }

    private static boolean identity(int[] map) {
        for (int c = 0; c < map.length; c++) {
            if (map[c] != c) {
                return false;
            }
        }
        return true;
    }

    /** A column's order attribute: the output's names, then the input's new ones. */
    private static void mergeOrder(long in, long out) throws HDF5Exception {
        Set<String> names = new LinkedHashSet<>();
        if (H5.H5Aexists(out, Layout.ATTR_ORDER)) {
            names.addAll(List.of(Hdf5.readStringAttribute(out, Layout.ATTR_ORDER).split(",")));
        }
        names.addAll(List.of(Hdf5.readStringAttribute(in, Layout.ATTR_ORDER).split(",")));
        names.remove("");
        Hdf5.setStringAttribute(out, Layout.ATTR_ORDER, String.join(",", names));
    }

    /** Copies the groups of the shard's runs that exist (runs with values other than scalars). */
    private static void copyRunGroups(long inRoot, long outRoot, String prefix, Shard s) throws HDF5Exception {
        if (!H5.H5Lexists(inRoot, prefix.split("/")[0], H5P_DEFAULT) || !H5.H5Lexists(inRoot, prefix, H5P_DEFAULT)) {
            return;
        }
        long in = H5.H5Gopen(inRoot, prefix, H5P_DEFAULT);
        long out = Hdf5.createOrOpenGroup(outRoot, prefix);
        try {
            for (long set = s.first() - s.first() % Runs.RUNS_PER_SET; set < s.last(); set += Runs.RUNS_PER_SET) {
                String bucket = Runs.setName(set);
                if (!H5.H5Lexists(in, bucket, H5P_DEFAULT)) {
                    continue;
                }
                long from = Math.max(set, s.first());
                long to = Math.min(set + Runs.RUNS_PER_SET, s.last());
                if (from == set && to == set + Runs.RUNS_PER_SET && !H5.H5Lexists(out, bucket, H5P_DEFAULT)) {
                    H5.H5Ocopy(in, bucket, out, bucket, H5P_DEFAULT, H5P_DEFAULT); // the whole bucket is this shard's
                    continue;
                }
                long src = H5.H5Gopen(in, bucket, H5P_DEFAULT);
                long dst = Hdf5.createOrOpenGroup(out, bucket);
                try {
                    for (long run = from; run < to; run++) {
                        String name = Runs.name(run);
                        if (H5.H5Lexists(src, name, H5P_DEFAULT) && !H5.H5Lexists(dst, name, H5P_DEFAULT)) {
                            H5.H5Ocopy(src, name, dst, name, H5P_DEFAULT, H5P_DEFAULT);
                        }
                    }
                } finally {
                    H5.H5Gclose(dst);
                    H5.H5Gclose(src);
                }
            }
        } finally {
            H5.H5Gclose(out);
            H5.H5Gclose(in);
        }
    }

    /** Every failed attempt a file records, in the order they happened: the run's index and the error text. */
    record Attempts(long[] idx, String[] error) {
    }

    static Attempts attempts(Path input, String rootName) {
        try (io.jhdf.HdfFile f = new io.jhdf.HdfFile(input)) {
            io.jhdf.api.Node failures = f.getByPath(rootName + "/" + Layout.OVERVIEW + "/" + Layout.FAILURES);
            io.jhdf.api.Dataset idxColumn = (io.jhdf.api.Dataset) Nodes.child(failures, Layout.COL_IDX);
            if (idxColumn.isEmpty()) {
                return new Attempts(new long[0], new String[0]);
            }
            return new Attempts((long[]) idxColumn.getData(), (String[]) JhdfValues.column(GlobalHeapCheck.data(
                    (io.jhdf.api.Dataset) Nodes.child(failures, Layout.COL_ERROR)), ValueType.STRING));
        }
    }

    /** Appends the shard's failed attempts of its own runs, in their order, to the output's failures table. */
    private static void appendFailures(Path input, String rootName, long outRoot, Shard s) throws HDF5Exception {
        Attempts all = attempts(input, rootName);
        long[] idx = all.idx();
        String[] error = all.error();
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < idx.length; i++) {
            if (s.contains(idx[i])) {
                mine.add(i);
            }
        }
        if (mine.isEmpty()) {
            return;
        }
        long[] addIdx = new long[mine.size()];
        String[] addError = new String[mine.size()];
        for (int i = 0; i < mine.size(); i++) {
            addIdx[i] = idx[mine.get(i)];
            addError[i] = error[mine.get(i)];
        }
        long outGroup = H5.H5Gopen(outRoot, Layout.OVERVIEW + "/" + Layout.FAILURES, H5P_DEFAULT);
        try (Column outIdx = Column.open(outGroup, Layout.COL_IDX, ValueType.LONG, 0);
             Column outError = Column.open(outGroup, Layout.COL_ERROR, ValueType.STRING, 0)) {
            long at = outIdx.length();
            outIdx.grow(at + addIdx.length);
            outError.grow(at + addIdx.length);
            outIdx.write(at, addIdx, addIdx.length);
            outError.write(at, addError, addError.length);
        } finally {
            H5.H5Gclose(outGroup);
        }
    }

    /** Runs whose status is completed, in the merged file. */
    private static long completedRuns(long root) throws HDF5Exception {
        long runs = H5.H5Gopen(root, Layout.OVERVIEW + "/" + Layout.RUNS, H5P_DEFAULT);
        try (Column status = Column.open(runs, Layout.COL_STATUS, ValueType.BOOLEAN, 0)) {
            byte[] s = (byte[]) status.readAll();
            long n = 0;
            for (byte b : s) {
                n += b == org.neurosweep.trajectory.RunStatus.COMPLETED.ordinal() ? 1 : 0;
            }
            return n;
        } finally {
            H5.H5Gclose(runs);
        }
    }
}
