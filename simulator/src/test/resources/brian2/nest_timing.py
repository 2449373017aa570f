"""NEST's timing of input, threshold and recording, built in Brian2 for the model scripts beside this file.

Brian2ComparisonTest runs a model script with one argument, the setup as JSON:
  {"model": NEST's name, "h": resolution (ms), "substeps": N, "T": simulated time (ms), "params": {NEST name: value},
   "I_e": [one value per neuron], "dc": {"amplitude", "start", "stop", "delay"} or null,
   "trains": [{"times": [ms], "weight": w, "delay": ms}, ...]}
and the same setup drives our simulator. The script prints, for each neuron i:
  spikes i t1 t2 ...      spike times (ms), NEST's convention: the end of the step that found the threshold
  V_m i v1 v2 ...         V_m at the end of each step, t = h, 2h, ..., T (NEST's multimeter samples)

NEST advances in steps of h: it integrates over the step, then, at its end, adds the spikes arriving,
tests the threshold and holds refractory neurons, in each model's own order (NEST 3.10's
models/*.cpp update()). Brian2 integrates in N substeps of h/N (N = 1 for izhikevich's Euler step), so whatever NEST
does at a step's end happens here in the substep that ends a step:
- a spike with time t_s and delay D reaches the neuron at the end of the step ending at t_s + D: the
  generator emits it at t_s + D - h/N and the synapse (no delay) adds it after that substep's integration
  (Brian2's schedule: groups, thresholds, synapses, resets);
- the threshold is tested only in the last substep of a step (END_OF_STEP, below);
- a dc_generator's current is constant over a step, set at the step's start: NEST applies it to the steps
  in (start + D, stop + D] (section 11; its exception for start = 0 is not modelled: the test starts later);
- the recorded values are those at a step's end, read at the start of the next step.
"""
import json
import sys

import numpy as np
from brian2 import (Network, SpikeGeneratorGroup, SpikeMonitor, StateMonitor, Synapses, TimedArray, defaultclock, ms,
                    prefs)

prefs.codegen.target = 'numpy'  # no compiler, no cache directory

SETUP = json.loads(sys.argv[1])
H = SETUP['h'] * ms
SUBSTEPS = int(SETUP['substeps'])
DT = H / SUBSTEPS
T = SETUP['T'] * ms
defaultclock.dt = DT

#: true in the substep that ends a NEST step (timestep() is Brian2's integer step of t)
END_OF_STEP = f'(timestep(t, dt) + 1) % {SUBSTEPS} == 0'


def refractory_steps(t_ref_ms):
    """NEST's count of refractory steps: t_ref rounded to a microsecond, then up to whole steps."""
    tics = round(t_ref_ms * 1000)
    step = round(SETUP['h'] * 1000)
    return -(-tics // step)


def refractory(t_ref_ms):
    """Refractory from the spike's substep to the end of the n-th step after it, as NEST's counter r."""
    return f'timestep(t - lastspike, dt) <= {refractory_steps(t_ref_ms) * SUBSTEPS}'


def current(unit):
    """Per-step dc current (NEST's I_stim): a TimedArray over steps of h, zero without a dc_generator."""
    steps = int(round(SETUP['T'] / SETUP['h'])) + 2
    values = np.zeros(steps)
    dc = SETUP['dc']
    if dc is not None:
        first = int(round((dc['start'] + dc['delay']) / SETUP['h']))
        last = int(round((dc['stop'] + dc['delay']) / SETUP['h']))
        values[first:min(last, steps)] = dc['amplitude']
    return TimedArray(values * unit, dt=H)


def drive(group):
    """
    Sets the group's I_stim from `stimulus` (in its namespace, from current()) at each step's start, so
    every substep and every stage of a Runge-Kutta substep sees the step's value.
    """
    group.run_regularly('I_stim = stimulus(t)', when='start', dt=H)


def spike_input(group, excitatory, inhibitory):
    """
    The trains of the setup onto every neuron: weights > 0 through `excitatory`, the others through
    `inhibitory` (on_pre code with the synaptic variable w, the train's weight); NEST's arrival times.
    """
    objects = []
    for on_pre, sign in ((excitatory, 1), (inhibitory, -1)):
        trains = [tr for tr in SETUP['trains'] if (tr['weight'] > 0) == (sign > 0)]
        if not trains:
            continue
        indices, substeps = [], []
        for i, tr in enumerate(trains):
            for t_s in tr['times']:
                arrival = int(round((t_s + tr['delay']) / SETUP['h'])) * SUBSTEPS
                indices.append(i)
                substeps.append(arrival - 1)
        generator = SpikeGeneratorGroup(len(trains), indices, np.array(substeps) * DT)
        synapses = Synapses(generator, group, 'w : 1', on_pre=on_pre, namespace=group.namespace)
        synapses.connect()
        for i, tr in enumerate(trains):
            synapses.w[i, :] = tr['weight']
        objects += [generator, synapses]
    return objects


def run_and_print(group, objects, v_unit):
    """Runs to T and prints spike times and V_m at the ends of steps h ... T (in ms and mV)."""
    voltages = StateMonitor(group, 'v', record=True, when='start', dt=H)
    spikes = SpikeMonitor(group)
    net = Network(group, *objects, voltages, spikes)
    net.run(T + H)  # the sample at T is read at the start of the step after
    steps = np.round(voltages.t / H).astype(int)
    keep = (steps >= 1) & (steps <= int(round(SETUP['T'] / SETUP['h'])))
    # the end of the spike's step (a substep that ends a step counts for that step)
    spike_steps = np.ceil((np.round(spikes.t / DT) + 1) / SUBSTEPS - 1e-9).astype(int)
    for i in range(len(group)):
        mine = spike_steps[spikes.i == i]
        print('spikes', i, *[repr(round(s * SETUP['h'], 9)) for s in mine if s * SETUP['h'] <= SETUP['T'] + 1e-9])
        print('V_m', i, *[repr(float(v)) for v in (voltages.v[i][keep] / v_unit)])

