"""Opening a neurosweep trajectory file and reading its parts (docs/hdf5-layout.md is the contract).

Everything here reads one file through one open h5py handle, so a table built from it is one
consistent snapshot even while a sweep keeps replacing the file (see ``open_trajectory``).
"""

import contextlib
import os

import h5py
import numpy as np

FORMAT = "neurosweep-trajectory"
FORMAT_VERSION = 2  # 2: run table without name, float32 duration, int16 worker codes into overview/workers
BRANCHES = ("config", "parameters", "derived_parameters", "results")
# below results/ and derived_parameters/: the runs' own values, which are not part of the tree
RUN_BRANCHES = ("results", "derived_parameters")
STATUS_LABELS = ("pending", "running", "completed", "failed")


def _locking_option():
    """``locking=False`` where h5py (3.5+) and the HDF5 library (1.10.7+ or 1.12.1+) support it.

    A reader needs no lock: a sweep never writes FILE.h5 in place (it replaces it whole by a rename),
    and without one the file also opens on file systems that have no locks (some NFS and Lustre
    mounts). Elsewhere set HDF5_USE_FILE_LOCKING=FALSE in the environment before importing h5py.
    """
    lib = h5py.version.hdf5_version_tuple[:3]
    library_can = lib >= (1, 12, 1) or (1, 10, 7) <= lib < (1, 11, 0)
    return {"locking": False} if h5py.version.version_tuple[:2] >= (3, 5) and library_can else {}


_OPEN_OPTIONS = _locking_option()


def text(value):
    """An attribute's or a string dataset's value as str (h5py gives str or bytes, by how it was written)."""
    if isinstance(value, (bytes, np.bytes_)):
        return value.decode("utf-8")
    return str(value)


class NotATrajectoryError(ValueError):
    """The file is not a (complete, readable) neurosweep trajectory; the message says what it lacks."""


@contextlib.contextmanager
def open_trajectory(path):
    """Opens FILE.h5 read-only and yields its :class:`Stored` trajectory; closes it afterwards.

    While a sweep runs, it writes FILE.h5.live and every second or so renames a consistent copy over
    FILE.h5: the handle opened here keeps the copy it opened, so what is read is one whole
    publication, at most seconds old, and the writer is never disturbed.
    """
    path = os.fspath(path)
    if path.endswith(".live"):
        raise NotATrajectoryError(
            f"{path} is the file a sweep writes in place, which is not consistent while it is written;"
            f" read {path[:-len('.live')]}, the copy the sweep publishes every second or so")
    if not os.path.exists(path):
        hint = (f"; {path}.live exists: a sweep is storing its trajectory, and publishes {path} before its"
                f" first run starts" if os.path.exists(path + ".live") else "")
        raise FileNotFoundError(f"{path} does not exist{hint}")
    if os.path.isdir(path):
        raise NotATrajectoryError(f"{path} is a directory, not a neurosweep file")
    try:
        f = h5py.File(path, "r", **_OPEN_OPTIONS)
    except OSError as e:
        raise NotATrajectoryError(f"{path} is not a neurosweep file: HDF5 cannot open it ({_first_line(e)})") from e
    with f:
        try:
            yield Stored(path, f)
        except (OSError, RuntimeError, KeyError) as e:  # what h5py raises on a damaged or incomplete file
            raise NotATrajectoryError(f"{path} is damaged or incomplete: {_first_line(e)}") from e


def _first_line(e):
    lines = str(e).strip().splitlines()
    return lines[0] if lines else type(e).__name__


class Stored:
    """One stored trajectory: its root group and what every reader needs of it, read when first asked."""

    def __init__(self, path, f):
        self.path = path
        self.root = self._find_root(f)
        self.overview = self.require("overview")
        status = self.require("overview/runs/status")
        self.run_count = status.shape[0]
        self._status = status
        labels = text(status.attrs.get("labels", ",".join(STATUS_LABELS)))
        self.labels = labels.split(",")
        self._names = None

    def _find_root(self, f):
        for name, node in f.items():
            if isinstance(node, h5py.Group) and text(node.attrs.get("neurosweep_format", "")) == FORMAT:
                version = int(node.attrs.get("format_version", 0))
                if version > FORMAT_VERSION:
                    raise NotATrajectoryError(
                        f"{self.path} has layout version {version}; this package reads up to {FORMAT_VERSION}:"
                        " update neurosweep")
                return node
        raise NotATrajectoryError(
            f"{self.path} is not a neurosweep file: an HDF5 file, but no top-level group has the attribute"
            f" neurosweep_format = {FORMAT}")

    def require(self, relative):
        """The node at a path below the root; a missing one is a :class:`NotATrajectoryError` naming it."""
        node = self.root.get(relative)
        if node is None:
            raise NotATrajectoryError(
                f"{self.path} is not a complete neurosweep file: it lacks {self.root.name}/{relative}")
        return node

    # ------------------------------------------------------------------ the trajectory

    @property
    def name(self):
        return text(self.root.attrs.get("name", self.root.name.lstrip("/")))

    @property
    def seed(self):
        return int(self.root.attrs["seed"]) if "seed" in self.root.attrs else None

    def status_codes(self):
        codes = self._status[()].astype(np.int64)
        bad = (codes < 0) | (codes >= len(self.labels))
        if bad.any():
            raise NotATrajectoryError(
                f"{self.path} is damaged: run {int(np.argmax(bad))} has status code {int(codes[bad][0])};"
                f" the codes are 0..{len(self.labels) - 1} ({','.join(self.labels)})")
        return codes

    def code_of(self, label):
        """The status code of a label (``completed``, ``failed``)."""
        return self.labels.index(label) if label in self.labels else STATUS_LABELS.index(label)

    @staticmethod
    def ordered_children(group):
        """A group's children in the order of its ``order`` attribute, then any others (as the Java reader)."""
        listed = [n for n in text(group.attrs.get("order", "")).split(",") if n]
        names = [n for n in listed if n in group] + sorted(n for n in group if n not in listed)
        return [(n, group[n]) for n in names]

    # ------------------------------------------------------------------ parameters

    def explored_names(self):
        """The explored parameters' paths below parameters (``net.g``), in column order."""
        explored = self.overview.get("explored")
        return [] if explored is None else [n for n in text(explored.attrs.get("order", "")).split(",") if n]

    def explored_column(self, name):
        ds = self.require("overview/explored/" + name)
        return explored_values(ds[()], text(ds.attrs.get("type", "")))

    def parameter(self, dotted):
        """The dataset of a parameter, by its path below parameters (``net.g``), or None."""
        return self.root.get("parameters/" + dotted.replace(".", "/"))

    def parameters(self):
        """Every parameter as (path below parameters, dataset), depth first in insertion order."""
        out = []
        self._leaves(self.require("parameters"), "", out)
        return out

    def _leaves(self, group, prefix, out, skip_run_groups=False):
        for name, node in self.ordered_children(group):
            if skip_run_groups and not prefix and name in ("runs", "summary"):
                continue
            path = prefix + name
            if isinstance(node, h5py.Group):
                self._leaves(node, path + ".", out)
            else:
                out.append((path, node))

    def short_name(self, dotted):
        """An explored parameter's column name, as neurosweep's tables give it: the leaf's own name where
        no other node of the tree has that name, else its path below parameters."""
        if self._names is None:
            self._names = {}
            for branch in BRANCHES:
                self._names[branch] = self._names.get(branch, 0) + 1
                group = self.root.get(branch)
                if group is not None:
                    self._count_names(group, branch in RUN_BRANCHES)
        leaf = dotted.rsplit(".", 1)[-1]
        return leaf if self._names.get(leaf, 0) == 1 else dotted

    def _count_names(self, group, skip_run_groups):
        """Counts the nodes of the tree by name: leaves, and groups that hold a leaf or have a comment
        (the groups the Java side's tree has); returns whether the group holds a leaf."""
        holds_leaf = False
        for name, node in self.ordered_children(group):
            if skip_run_groups and name in ("runs", "summary"):
                continue
            if isinstance(node, h5py.Group):
                if self._count_names(node, False) or text(node.attrs.get("comment", "")):
                    self._names[name] = self._names.get(name, 0) + 1
                    holds_leaf = True
            else:
                self._names[name] = self._names.get(name, 0) + 1
                holds_leaf = True
        return holds_leaf

    # ------------------------------------------------------------------ the runs' values

    def summary_columns(self, branch):
        """The summary datasets of a branch (results, derived_parameters) as (name, dataset), in the order
        runs first added them."""
        group = self.root.get(branch + "/summary")
        return [] if group is None else [(n, d) for n, d in self.ordered_children(group) if isinstance(d, h5py.Dataset)]

    def run_groups(self, index):
        """The per-run groups of a run, as (branch, group), for the prefixes in overview's run_groups."""
        prefixes = [p for p in text(self.overview.attrs.get("run_groups", "")).split(",") if p]
        prefixes.sort(key=lambda p: not p.startswith("results/"))  # results first, so they keep their own keys
        out = []
        for prefix in prefixes:
            group = self.root.get(f"{prefix}/run_set_{index // 1000:05d}/run_{index:08d}")
            if isinstance(group, h5py.Group):
                out.append((prefix.split("/", 1)[0], group))
        return out

    def run_values(self, group):
        """Every dataset below a per-run group as {dotted path relative to it: value}."""
        out = []
        self._leaves(group, "", out)
        return {path: dataset_value(ds) for path, ds in out}

    def latest_errors(self, runs):
        """The latest error text of each of these runs that failed at least once: {run: text}."""
        failures = self.overview.get("failures")
        if failures is None or "idx" not in failures or failures["idx"].shape[0] == 0:
            return {}
        idx = failures["idx"][()]
        wanted = np.isin(idx, np.asarray(list(runs), dtype=np.int64))
        rows = np.flatnonzero(wanted)
        if rows.size == 0:
            return {}
        # the latest row of a run is its current error: later rows overwrite earlier ones
        latest = {int(idx[r]): int(r) for r in rows}
        chosen = sorted(latest.values())
        texts = failures["error"][chosen]
        by_row = {row: text(t) for row, t in zip(chosen, texts)}
        return {run: by_row[row] for run, row in latest.items()}


def explored_values(data, type_label):
    """An explored column as numpy values of its neurosweep type (booleans are stored as int8)."""
    if type_label == "boolean":
        return data.astype(bool)
    if type_label == "string" or data.dtype.kind in "SO":
        return np.array([text(v) for v in data], dtype=object)
    return data


def dataset_value(ds):
    """A whole dataset as a value: scalars as Python values (int8 is boolean), arrays as numpy arrays."""
    data = ds[()]
    declared = text(ds.attrs.get("type", ""))
    if ds.shape == ():
        if isinstance(data, (bytes, np.bytes_, str)):
            return text(data)
        if declared == "boolean" or (not declared and ds.dtype == np.int8):
            return bool(data)
        return data.item()
    if ds.dtype.kind in "SO":
        return np.array([text(v) for v in data], dtype=object)
    return data
