package org.neurosweep.storage;

/**
 * The names of the file layout (see {@code docs/hdf5-layout.md}). Everything lives under one root group
 * named after the trajectory.
 */
public final class Layout {
    /** Value of the root group's {@link #ATTR_FORMAT} attribute that marks a neurosweep trajectory. */
    public static final String FORMAT = "neurosweep-trajectory";
    /**
     * The layout's version; readers refuse a newer one. Version 2: the run table has no name column, its
     * duration is float32 and its worker an int16 code into {@link #WORKERS}. Readers read both.
     */
    public static final int FORMAT_VERSION = 2;

    public static final String ATTR_FORMAT = "neurosweep_format";
    public static final String ATTR_FORMAT_VERSION = "format_version";
    public static final String ATTR_NAME = "name";
    public static final String ATTR_CREATED = "created";
    public static final String ATTR_SEED = "seed";
    public static final String ATTR_VERSION = "neurosweep_version";
    public static final String ATTR_GIT_COMMIT = "git_commit";
    public static final String ATTR_COMMENT = "comment";
    public static final String ATTR_TYPE = "type";
    /** On a parameter: its unit (ms, mV, pA, ...), when it has one. */
    public static final String ATTR_UNIT = "unit";
    public static final String ATTR_EXPLORED = "explored";
    /**
     * On {@code overview/explored}: the explored parameters in column order; on every group of the tree:
     * its children in insertion order. Comma-separated.
     */
    public static final String ATTR_ORDER = "order";
    /** On {@code overview/runs/status}: the meaning of each code, comma-separated. */
    public static final String ATTR_LABELS = "labels";
    /** On {@code overview}: the groups below which per-run groups live, comma-separated dotted paths. */
    public static final String ATTR_RUN_GROUPS = "run_groups";

    public static final String OVERVIEW = "overview";
    public static final String RUNS = "runs";
    public static final String EXPLORED = "explored";
    public static final String FAILURES = "failures";
    public static final String SUMMARY = "summary";
    /** {@code overview/workers} (version 2): the worker names, variable-length strings; a run's worker code indexes it. */
    public static final String WORKERS = "workers";
    /**
     * Per-run groups live in {@code run_set_NNNNN} groups of {@link org.neurosweep.trajectory.Runs#RUNS_PER_SET}
     * runs below {@code results/runs}; no group may hold more than {@link #MAX_CHILDREN} children, so runs from
     * this index on cannot have one (their scalar results still go to the summary columns).
     */
    public static final long MAX_RUNS_WITH_GROUPS = 20_000L * org.neurosweep.trajectory.Runs.RUNS_PER_SET;
    /** The most children neurosweep puts in one group. */
    public static final int MAX_CHILDREN = 20_000;

    public static final String COL_IDX = "idx";
    public static final String COL_NAME = "name";
    public static final String COL_STATUS = "status";
    public static final String COL_START = "start";
    public static final String COL_DURATION = "duration";
    public static final String COL_WORKER = "worker";
    public static final String COL_ERROR = "error";

    /** Bytes of the fixed-length {@code name} column (version 1). */
    static final int NAME_BYTES = 16;
    /** Bytes of the fixed-length {@code worker} column (version 1); longer worker ids are cut. */
    static final int WORKER_BYTES = 32;
    /** Elements per chunk of every column. */
    static final int CHUNK = 4096;

    private Layout() {
    }
}
