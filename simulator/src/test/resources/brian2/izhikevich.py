"""izhikevich as NEST 3.10 steps it (NEST 3.10 models/izhikevich.cpp), in Brian2; the setup is the first argument.

NEST, with consistent_integration (its default), per step of h, from the values at the step's start:
  v <- v + h (0.04 v^2 + 5 v + 140 - u + I + I_e) + S     (S: the weights of the spikes arriving, in mV)
  u <- u + h a (b v - u)
then v = max(v, V_min), then v >= V_th: v = c, u += d. Brian2's 'euler' at dt = h computes both
increments from the old values, as NEST does; the spikes are added after it (the synapses slot), so the
clamp and the threshold come after them (after_synapses, in this order), where NEST has them. Units: v, u
in mV, I in pA with NEST's R = 1 (mV/ms), so the variables are plain numbers and time is divided by ms.
"""
from brian2 import NeuronGroup, ms

from nest_timing import SETUP, SUBSTEPS, current, drive, run_and_print, spike_input

assert SUBSTEPS == 1, 'NEST takes one Euler step per resolution step'
p = SETUP['params']
equations = '''
dv/dt = (0.04 * v**2 + 5 * v + 140 - u + I_stim + I_e) / ms : 1
du/dt = a * (b * v - u) / ms : 1
I_stim : 1
I_e : 1 (constant)
'''
group = NeuronGroup(len(SETUP['I_e']), equations, method='euler', threshold='v >= V_th', reset='v = c; u += d',
                    namespace=dict(a=p['a'], b=p['b'], c=p['c'], d=p['d'], V_th=p['V_th'], V_min=p['V_min'],
                                   stimulus=current(1)))
group.run_regularly('v = v + int(v < V_min) * (V_min - v)', when='after_synapses', order=-1)
group.thresholder['spike'].when = 'after_synapses'
group.v = -65.0
group.u = -13.0  # NEST's initial U_m, 0.2 * -65 whatever b is
group.I_e = SETUP['I_e']
drive(group)
run_and_print(group, spike_input(group, 'v_post += w', 'v_post += w'), 1)
