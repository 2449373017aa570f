#!/usr/bin/env python3
"""NEST's hpc_benchmark network in Brian2, for `benchmarks/run hpc` (HpcBenchmark.java runs it).

The network of NEST's pynest/examples/hpc_benchmark.py (nest-simulator
3.10): NE excitatory and NI inhibitory iaf_psc_alpha neurons; every neuron receives CE excitatory and
CI inhibitory connections (fixed in-degree, no autapses, multapses allowed), delays 1.5 ms; E->E synapses
are plastic (stdp_pl_synapse_hom: power-law potentiation, multiplicative depression), the others static
(JE and -g*JE pA); each neuron gets its own Poisson input of CE sources at nu_ext (rate/CE) with weight JE.

Run by hand:  python3 hpc_benchmark.py --ne 1800 --ni 450 --simtime 100 --target cython
The last line printed is one JSON object with the figures (times in wall-clock seconds).

How it differs from NEST:
* Weights are in pA as in NEST; the excitatory and inhibitory alpha currents share tau_syn, so they are
  summed in one current (the same linear system, fewer state variables).
* STDP is Brian2's trace-based event-driven rule with a trace per synapse (Kplus for the presynaptic
  spikes, Kminus for the postsynaptic ones), not NEST's per-neuron archive of postsynaptic spikes. NEST
  treats the whole 1.5 ms delay as dendritic: a presynaptic spike at t pairs with postsynaptic spikes as if
  they happened d later. Here the presynaptic pathway is delayed by d and the postsynaptic one by 2d, so
  every pre/post pair is compared at the same time difference as in NEST and the weight delivered at t + d
  is the one NEST delivers. Where a presynaptic and a delayed postsynaptic event fall in the same step, NEST
  facilitates with K+ before the presynaptic spike and then depresses with K- before the postsynaptic one:
  the postsynaptic pathway runs first here, and the presynaptic code takes the coinciding postsynaptic
  spike out of K- again (lastupdate == t only after an event of this synapse in the same step). Checked:
  the spikes of a network run of our simulator replayed here give its 1.28 million E->E weights to a
  relative 1e-15. NEST applies the facilitation
  by a postsynaptic spike only at the next presynaptic spike; Brian2 at once, so the weights read at the
  end differ by the facilitation still pending in NEST.
* Brian2 stamps a spike at the start of the step in which the threshold is crossed, NEST at its end: spike
  times are dt earlier here (the harness counts spikes in the same steps), and refractory is t_ref + dt so
  that V is clamped for the same steps as in NEST (at most one spike every 0.6 ms, as NEST).
* Spikes reach the targets' currents in the same step as in NEST (checked: a neuron fed the same input
  spikes fires in the same steps as ours). The Poisson input is Brian2's PoissonInput, a binomial draw of CE
  sources per step where NEST draws one Poisson number, switched on after the first 1.5 ms, when the
  first spikes of NEST's poisson_generator arrive.
"""
import argparse
import json
import os
import sys
import time

import numpy as np


def rss_bytes():
    """This process's resident memory (Linux), or 0."""
    try:
        with open('/proc/self/statm') as f:
            return int(f.read().split()[1]) * os.sysconf('SC_PAGE_SIZE')
    except OSError:
        return 0


def fixed_indegree(n_sources, n_targets, k, same_population, rng):
    """Source and target indices: each target gets k sources drawn uniformly, with multapses; when the
    sources are the targets' own population, a target never draws itself (no autapses)."""
    if same_population:
        src = rng.integers(0, n_sources - 1, size=(n_targets, k), dtype=np.int32)
        src += src >= np.arange(n_targets, dtype=np.int32)[:, None]  # skip the target itself
    else:
        src = rng.integers(0, n_sources, size=(n_targets, k), dtype=np.int32)
    return src.ravel(), np.repeat(np.arange(n_targets, dtype=np.int32), k)


def presim(net, poisson, delay, duration):
    """NEST's poisson_generator reaches the neurons through a 1.5 ms connection: nothing arrives before."""
    poisson.active = False
    net.run(delay, namespace={})
    poisson.active = True
    net.run(duration - delay, namespace={})


def main():
    a = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    a.add_argument('--ne', type=int, default=1800)
    a.add_argument('--ni', type=int, default=450)
    a.add_argument('--ce', type=int, default=9000)
    a.add_argument('--ci', type=int, default=2250)
    a.add_argument('--je', type=float, default=45.609600316540956, help='pA, the PSC amplitude of a 0.14 mV PSP')
    a.add_argument('--g', type=float, default=5.0)
    a.add_argument('--rate', type=float, default=20856.037200898867, help='Hz, Poisson input to each neuron')
    a.add_argument('--presim', type=float, default=50.0, help='ms')
    a.add_argument('--simtime', type=float, default=100.0, help='ms')
    a.add_argument('--seed', type=int, default=42)
    a.add_argument('--target', default='cython', choices=['cython', 'numpy', 'cpp_standalone'])
    a.add_argument('--threads', type=int, default=1, help='OpenMP threads (cpp_standalone only)')
    a.add_argument('--directory', default=None, help='cpp_standalone: where the project is built')
    o = a.parse_args()

    t_import = time.perf_counter()
    import brian2 as b2
    from brian2 import ms, mV, pA, pF, Hz
    b2.BrianLogger.log_level_warn()
    standalone = o.target == 'cpp_standalone'
    if standalone:
        b2.set_device('cpp_standalone', directory=o.directory, build_on_run=False)
        b2.prefs.devices.cpp_standalone.openmp_threads = o.threads if o.threads > 1 else 0
    else:
        b2.prefs.codegen.target = o.target
    import_s = time.perf_counter() - t_import
    b2.seed(o.seed)
    rng = np.random.default_rng(o.seed)
    dt = 0.1 * ms
    b2.defaultclock.dt = dt

    # iaf_psc_alpha as in hpc_benchmark.py
    tau_m, C_m, t_ref = 10.0 * ms, 250.0 * pF, 0.5 * ms
    V_th, V_reset = 20.0 * mV, 0.0 * mV  # E_L = 0
    tau_s = 0.32582722403722841 * ms
    psc_unit = np.e / tau_s * pA  # a spike of weight w (pA) adds w e/tau_s to y: I(t) = w (e t/tau_s) e^{-t/tau_s}
    JE = o.je
    JI = -o.g * o.je
    d = 1.5 * ms
    stdp = dict(alpha=0.0513, lam=0.1, mu=0.4, tau_plus=15.0 * ms, tau_minus=30.0 * ms)

    t0 = time.perf_counter()
    watch = Stopwatch(b2.device) if standalone else None  # the binary creates the synapses: timed there
    N = o.ne + o.ni
    eqs = '''dv/dt = -v/tau_m + I/C_m : volt (unless refractory)
             dI/dt = -I/tau_s + y : amp
             dy/dt = -y/tau_s : amp/second'''
    # NEST stamps a spike at the end of the step in which V crossed and clamps V for t_ref/dt steps after it;
    # Brian2 stamps it at the start of that step, so its refractory period needs one step more to clamp as long
    G = b2.NeuronGroup(N, eqs, threshold='v >= V_th', reset='v = V_reset', refractory=t_ref + dt, method='exact',
                       namespace=dict(tau_m=tau_m, C_m=C_m, tau_s=tau_s, V_th=V_th, V_reset=V_reset))
    G.v = rng.normal(5.7, 7.2, N) * mV
    E, I = G[:o.ne], G[o.ne:]
    rss0 = rss_bytes()

    ns = dict(psc_unit=psc_unit, wE=JE, wI=JI, **stdp)
    S_EE = b2.Synapses(E, E, '''w : 1
                                dKplus/dt = -Kplus/tau_plus : 1 (event-driven)
                                dKminus/dt = -Kminus/tau_minus : 1 (event-driven)''',
                       on_pre='''w = clip(w - lam*alpha*w*(Kminus - int(lastupdate == t)), 0, inf)
                                 y_post += psc_unit*w
                                 Kplus += 1''',
                       on_post='''w = w + lam*w**mu*Kplus
                                  Kminus += 1''',
                       delay={'pre': d, 'post': 2 * d}, namespace=ns, name='ee')
    S_EE.post.order = S_EE.pre.order - 1  # NEST's order at a tie: facilitation, then depression
    S_EI = b2.Synapses(E, I, on_pre='y_post += psc_unit*wE', delay=d, namespace=ns, name='ei')
    S_IE = b2.Synapses(I, E, on_pre='y_post += psc_unit*wI', delay=d, namespace=ns, name='ie')
    S_II = b2.Synapses(I, I, on_pre='y_post += psc_unit*wI', delay=d, namespace=ns, name='ii')
    out_degree = np.zeros(N, dtype=np.int64)  # synapses from each neuron: the events a spike makes
    for S, first, n_src, n_tgt, k, same in ((S_EE, 0, o.ne, o.ne, o.ce, True), (S_EI, 0, o.ne, o.ni, o.ce, False),
                                            (S_IE, o.ne, o.ni, o.ne, o.ci, False), (S_II, o.ne, o.ni, o.ni, o.ci, True)):
        i, j = fixed_indegree(n_src, n_tgt, k, same, rng)
        S.connect(i=i, j=j)
        out_degree[first:first + n_src] += np.bincount(i, minlength=n_src)
    del i, j
    S_EE.w = JE
    P = b2.PoissonInput(G, 'y', N=o.ce, rate=o.rate / o.ce * Hz, weight=JE * psc_unit)
    M = b2.SpikeMonitor(G)
    net = b2.Network(G, S_EE, S_EI, S_IE, S_II, P, M)
    build_s = time.perf_counter() - t0
    synapses = {'ee': o.ne * o.ce, 'ei': o.ni * o.ce, 'ie': o.ne * o.ci, 'ii': o.ni * o.ci}  # fixed in-degree

    # bytes of the arrays Brian2 keeps per plastic synapse (indices, weight, traces, lastupdate), each counted
    # once (i and j are other names of the index arrays); not counted: the spike queues, which hold the
    # synapse indices once more per pathway, and N_incoming and N_outgoing, which Brian2 fills only if asked
    per_synapse = {}
    for name, v in S_EE.variables.items():
        if isinstance(v, b2.core.variables.DynamicArrayVariable) and v.owner.name == S_EE.name and v.ndim == 1 \
                and not name.startswith('N_') and name not in ('i', 'j', '_presynaptic_idx', '_postsynaptic_idx'):
            per_synapse[id(v)] = (name, np.dtype(v.dtype).itemsize)
    array_bytes = sum(size for _, size in per_synapse.values())

    out = dict(brian2=b2.__version__, target=o.target, threads=o.threads, ne=o.ne, ni=o.ni, ce=o.ce, ci=o.ci,
               presim_ms=o.presim, simtime_ms=o.simtime, import_s=import_s, build_s=build_s,
               synapses=sum(synapses.values()), plastic_synapses=synapses['ee'],
               array_bytes_per_plastic_synapse=array_bytes,
               array_bytes_fields=' '.join(sorted(name for name, _ in per_synapse.values())))
    if standalone:
        watch.mark('presim')
        presim(net, P, d, o.presim * ms)
        watch.mark('simulate')
        net.run(o.simtime * ms, namespace={})
        watch.mark('end')
        watch.write('phases.txt')
        t1 = time.perf_counter()
        b2.device.build(directory=o.directory, run=False, with_output=False)
        compile_s = time.perf_counter() - t1
        t1 = time.perf_counter()
        b2.device.run(o.directory, False, [])
        phases = watch.read(os.path.join(o.directory, 'results', 'phases.txt'))
        out.update(compile_s=compile_s, binary_s=time.perf_counter() - t1, build_s=build_s + phases['build'][0],
                   presim_s=phases['presim'][0], simulate_s=phases['simulate'][0],
                   rss_bytes_per_synapse=(phases['simulate'][1] - phases['build'][1]) / out['synapses'])
    else:
        t1 = time.perf_counter()
        net.run(0 * ms, namespace={})  # code generation, compilation (cached in ~/.cython) and Brian2's run preparation
        compile_s = time.perf_counter() - t1
        t1 = time.perf_counter()
        presim(net, P, d, o.presim * ms)
        presim_s = time.perf_counter() - t1
        rss1 = rss_bytes()
        t1 = time.perf_counter()
        net.run(o.simtime * ms, namespace={})
        out.update(compile_s=compile_s, presim_s=presim_s, simulate_s=time.perf_counter() - t1,
                   rss_bytes_per_synapse=(rss1 - rss0) / out['synapses'] if rss0 and rss1 else None)
    out.update(spike_figures(o, np.asarray(M.t / ms), np.asarray(M.i), out_degree, d / ms))
    w = np.asarray(S_EE.w[:])
    out.update(w_mean=float(w.mean()), w_min=float(w.min()), w_max=float(w.max()))
    print(json.dumps(out))


class Stopwatch:
    """Wall-clock and resident-memory marks inside a C++ standalone binary, written to results/ at its end.
    The first phase, 'build', starts once the binary has loaded its arrays (creating the neurons and
    synapses); each mark ends a phase and starts the next."""

    def __init__(self, device):
        self.device = device
        self.names = ['build']
        device.insert_code('main', 'struct timespec nsw_ts; std::vector<double> nsw_t, nsw_rss;')
        self._mark()

    def _mark(self):
        self.device.insert_code('main', 'clock_gettime(CLOCK_MONOTONIC, &nsw_ts); nsw_t.push_back(nsw_ts.tv_sec + 1e-9 *'
                                        ' nsw_ts.tv_nsec); { std::ifstream m("/proc/self/statm"); double size, resident;'
                                        ' m >> size >> resident; nsw_rss.push_back(resident); }')

    def mark(self, name):
        """Ends the current phase and starts the phase `name`."""
        self._mark()
        self.names.append(name)

    def write(self, file):
        self.device.insert_code('main', f'{{ std::ofstream f("results/{file}"); f.precision(17); for (size_t k = 0;'
                                        f' k < nsw_t.size(); k++) f << nsw_t[k] << " " << nsw_rss[k] << std::endl; }}')

    def read(self, path):
        """Per phase: its seconds and the resident bytes at its start."""
        with open(path) as f:
            marks = [[float(x) for x in line.split()] for line in f if line.strip()]
        page = os.sysconf('SC_PAGE_SIZE')
        return {name: (marks[k + 1][0] - marks[k][0], marks[k][1] * page) for k, name in enumerate(self.names[:-1])}


def spike_figures(o, t, i, out_degree, delay_ms):
    """Spikes and rates in the simulate window, the E rate in 25 ms bins, and the synaptic events delivered
    in the window (the spikes emitted one delay before it, each to its out-degree of targets). Brian2's
    times are a step earlier than NEST's (see above): a spike in the window has t >= presim here."""
    in_sim = t >= o.presim
    e = i < o.ne
    delivered = (t >= o.presim - delay_ms) & (t < o.presim + o.simtime - delay_ms)
    bins = np.bincount(((t[in_sim & e] - o.presim) // 25).astype(int), minlength=int(np.ceil(o.simtime / 25)))
    return dict(spikes=int(np.count_nonzero(in_sim)), presim_spikes=int(np.count_nonzero(~in_sim)),
                rate_e_hz=float(np.count_nonzero(in_sim & e) / (o.ne * o.simtime / 1000.0)),
                rate_i_hz=float(np.count_nonzero(in_sim & ~e) / (o.ni * o.simtime / 1000.0)),
                rate_e_trace=' '.join('%.1f' % (b / (o.ne * 0.025)) for b in bins[:int(np.ceil(o.simtime / 25))]),
                events=int(out_degree[i[delivered]].sum()))


if __name__ == '__main__':
    sys.exit(main())
