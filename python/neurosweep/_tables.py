"""load, run and failures: a stored sweep as pandas tables and Python values."""

import numpy as np
import pandas as pd

from ._file import dataset_value, open_trajectory, text

# names load and run give no summary column: the index, and the keys every run's dict may have
RESERVED = ("run", "status", "error")


def load(path):
    """The sweep in ``path`` as a DataFrame, one row per run.

    Indexed by run index (``run``); columns: each explored parameter (named as ``neurosweep table``
    names it), ``status`` (a Categorical of the labels stored in the file: pending, running,
    completed, failed), then every summary column of results and of derived_parameters (a name
    already taken, or ``run``, ``status`` or ``error``, gets its branch as a prefix:
    ``derived_parameters.rate``). Results of runs that are not
    completed are missing (NaN, or <NA> in integer and boolean columns, which keep their type;
    strings are str, missing ones None). ``df.attrs``: ``name``, ``seed``, ``units`` and ``comments``
    ({column: text}, where the file has them) and ``fixed`` ({parameter: value} of the parameters not
    explored).

    Reading a file while its sweep runs is safe: it shows the runs stored by the sweep's last
    publication (at most seconds old); the others are pending.
    """
    with open_trajectory(path) as s:
        status = s.status_codes()
        completed = status == s.code_of("completed")
        columns, units, comments = {}, {}, {}
        explored = _explored(s, columns, units, comments)
        columns["status"] = pd.Categorical.from_codes(status, categories=s.labels)
        for column, ds in _summary_columns(s, taken=set(columns)):
            columns[column] = _summary_values(ds, completed, s.run_count)
            _describe(ds, column, units, comments)
        df = pd.DataFrame(columns, index=pd.RangeIndex(s.run_count, name="run"))
        fixed = {s.short_name(p): _plain(dataset_value(ds)) for p, ds in s.parameters() if p not in explored}
        df.attrs.update(name=s.name, seed=s.seed, units=units, comments=comments, fixed=fixed)
        return df


def run(path, index):
    """Everything run ``index`` of the sweep in ``path`` stored, as a dict.

    ``run`` (the index), its explored parameters, ``status``, ``error`` (failed runs: the exception
    and stack trace), and for a completed run its summary values (named as in :func:`load`) and
    every dataset of its per-run groups, keyed by the dotted path below the run's group
    (``spikes.times`` for ``results/runs/run_set_00000/run_00000003/spikes/times``; one of
    derived_parameters whose key is taken is prefixed ``derived_parameters.``). Scalars are Python
    values, arrays numpy arrays. A run that is not completed stored no results, so it has none here.
    """
    with open_trajectory(path) as s:
        if isinstance(index, bool) or not isinstance(index, (int, np.integer)):
            raise TypeError(f"a run index is an int, not {type(index).__name__} ({index!r})")
        if not 0 <= index < s.run_count:
            valid = f"0..{s.run_count - 1}" if s.run_count else "none: the file holds no runs"
            raise ValueError(f"run {index} does not exist in {s.path}; its runs are {valid}")
        index = int(index)
        code = int(s.status_codes()[index])
        out = {"run": index}
        for name in s.explored_names():
            ds = s.require("overview/explored/" + name)
            out[s.short_name(name)] = dataset_value_at(ds, index)
        out["status"] = s.labels[code]
        if code == s.code_of("failed"):
            out["error"] = s.latest_errors([index]).get(index, "")
        if code != s.code_of("completed"):
            return out
        for column, ds in _summary_columns(s, taken=set(out)):
            out[column] = dataset_value_at(ds, index)
        for branch, group in s.run_groups(index):
            for key, value in s.run_values(group).items():
                out[key if key not in out else branch + "." + key] = value
        return out


def failures(path):
    """The failed runs of the sweep in ``path``: a DataFrame indexed by run index (``run``), with the
    explored parameters and ``error``, the latest exception text (with its stack trace) of each run
    whose status is failed. ``error.str.split("\\n").str[0]`` gives the first lines."""
    with open_trajectory(path) as s:
        failed = np.flatnonzero(s.status_codes() == s.code_of("failed"))
        columns, units, comments = {}, {}, {}
        _explored(s, columns, units, comments)
        columns = {c: np.asarray(v)[failed] for c, v in columns.items()}
        errors = s.latest_errors(failed)
        columns["error"] = np.array([errors.get(int(r), "") for r in failed], dtype=object)
        df = pd.DataFrame(columns, index=pd.Index(failed.astype(np.int64), name="run"))
        df.attrs.update(name=s.name, seed=s.seed, units=units, comments=comments)
        return df


def _explored(s, columns, units, comments):
    """Adds the explored columns; returns their paths below parameters."""
    names = s.explored_names()
    for name in names:
        column = s.short_name(name)
        columns[column] = s.explored_column(name)
        parameter = s.parameter(name)
        if parameter is not None:
            _describe(parameter, column, units, comments)
    return set(names)


def _summary_columns(s, taken):
    """(column name, dataset) of every summary column: results first, then derived_parameters, a name
    already taken (or reserved) prefixed with its branch."""
    taken = set(taken) | set(RESERVED)
    out = []
    for branch in ("results", "derived_parameters"):
        for name, ds in s.summary_columns(branch):
            column = name if name not in taken else branch + "." + name
            taken.add(column)
            out.append((column, ds))
    return out


def _summary_values(ds, completed, runs):
    """A summary column with the entries of runs not completed missing (the file holds fill values
    there: NaN, 0, false or "")."""
    declared = text(ds.attrs.get("type", ""))
    data = ds[()][:runs]
    present = np.zeros(runs, dtype=bool)
    # a column shorter than the run table (no neurosweep writes one): the rest is missing
    present[:data.shape[0]] = completed[:data.shape[0]]
    kept = data[present[:data.shape[0]]]
    if declared == "string" or data.dtype.kind in "SO":
        values = np.full(runs, None, dtype=object)
        values[present] = [text(v) for v in kept]
        return values
    if declared == "double" or data.dtype.kind == "f":
        values = np.full(runs, np.nan)
        values[present] = kept
        return values
    if declared == "boolean":
        values = np.zeros(runs, dtype=bool)
        values[present] = kept != 0
        return pd.arrays.BooleanArray(values, ~present)
    values = np.zeros(runs, dtype=np.int32 if declared == "int" else np.int64)
    values[present] = kept
    return pd.arrays.IntegerArray(values, ~present)


def _plain(value):
    """Arrays as lists in ``df.attrs``: pandas compares attrs when it combines frames, and an array has no
    single truth value."""
    return value.tolist() if isinstance(value, np.ndarray) else value


def _describe(ds, column, units, comments):
    for attribute, into in (("unit", units), ("comment", comments)):
        value = text(ds.attrs.get(attribute, ""))
        if value:
            into[column] = value


def dataset_value_at(ds, index):
    """One entry of a column as a Python value of its neurosweep type."""
    value = ds[index]
    declared = text(ds.attrs.get("type", ""))
    if isinstance(value, (bytes, np.bytes_, str)):
        return text(value)
    if declared == "boolean":
        return bool(value)
    return value.item()
