"""hh_psc_alpha as NEST 3.10 defines it (NEST 3.10 models/hh_psc_alpha.cpp), in Brian2; the setup is the first argument.

  C_m dV/dt = -g_Na m^3 h (V - E_Na) - g_K n^4 (V - E_K) - g_L (V - E_L) + I_stim + I_e + I_ex + I_in
  dm/dt = alpha_m (1 - m) - beta_m m, and so for h and n (rates below, V in mV, 1/ms)
  dx/dt = -x / tau, dI/dt = x - I / tau for each synapse; a spike of weight w (pA): x += w e / tau
  (w > 0 excitatory, w <= 0 inhibitory keeping its sign: I_in is negative)
Integrated by RK4 in substeps of h/N. NEST's spike: at the end of a step, V >= 0 mV and V below its value
at the step's start (the step after the peak); t_ref only keeps that from being detected again for
ceil(t_ref / h) steps, nothing is clamped or reset. Initial state: V = -65 mV, each gate at its steady
state there.
"""
import numpy as np
from brian2 import NeuronGroup, mV, ms, nS, pA, pF

from nest_timing import END_OF_STEP, H, SETUP, current, drive, refractory, run_and_print, spike_input

p = SETUP['params']
equations = '''
dv/dt = (-(I_Na + I_K + I_L) + I_stim + I_e + I_ex + I_in) / C_m : volt
I_Na = g_Na * m**3 * h * (v - E_Na) : amp
I_K = g_K * n**4 * (v - E_K) : amp
I_L = g_L * (v - E_L) : amp
dm/dt = alpha_m * (1 - m) - beta_m * m : 1
dh/dt = alpha_h * (1 - h) - beta_h * h : 1
dn/dt = alpha_n * (1 - n) - beta_n * n : 1
alpha_n = 0.01 * (v / mV + 55) / (1 - exp(-(v / mV + 55) / 10)) / ms : Hz
beta_n = 0.125 * exp(-(v / mV + 65) / 80) / ms : Hz
alpha_m = 0.1 * (v / mV + 40) / (1 - exp(-(v / mV + 40) / 10)) / ms : Hz
beta_m = 4 * exp(-(v / mV + 65) / 18) / ms : Hz
alpha_h = 0.07 * exp(-(v / mV + 65) / 20) / ms : Hz
beta_h = 1 / (1 + exp(-(v / mV + 35) / 10)) / ms : Hz
dx_ex/dt = -x_ex / tau_syn_ex : amp / second
dI_ex/dt = x_ex - I_ex / tau_syn_ex : amp
dx_in/dt = -x_in / tau_syn_in : amp / second
dI_in/dt = x_in - I_in / tau_syn_in : amp
v_start : volt
I_stim : amp
I_e : amp (constant)
'''
namespace = dict(g_Na=p['g_Na'] * nS, g_K=p['g_K'] * nS, g_L=p['g_L'] * nS, C_m=p['C_m'] * pF, E_Na=p['E_Na'] * mV,
                 E_K=p['E_K'] * mV, E_L=p['E_L'] * mV, tau_syn_ex=p['tau_syn_ex'] * ms,
                 tau_syn_in=p['tau_syn_in'] * ms, stimulus=current(pA))
group = NeuronGroup(len(SETUP['I_e']), equations, method='rk4',
                    threshold=f'v >= 0 * mV and v < v_start and {END_OF_STEP}', refractory=refractory(p['t_ref']),
                    namespace=namespace)
group.run_regularly('v_start = v', when='start', dt=H)
v0 = -65.0
rates = {'m': (0.1 * (v0 + 40) / (1 - np.exp(-(v0 + 40) / 10)), 4 * np.exp(-(v0 + 65) / 18)),
         'h': (0.07 * np.exp(-(v0 + 65) / 20), 1 / (1 + np.exp(-(v0 + 35) / 10))),
         'n': (0.01 * (v0 + 55) / (1 - np.exp(-(v0 + 55) / 10)), 0.125 * np.exp(-(v0 + 65) / 80))}
group.v = v0 * mV
for gate, (a, b) in rates.items():
    setattr(group, gate, a / (a + b))
group.I_e = SETUP['I_e'] * pA
drive(group)
run_and_print(group, spike_input(group, 'x_ex_post += w * pA * exp(1) / tau_syn_ex',
                                 'x_in_post += w * pA * exp(1) / tau_syn_in'), mV)
