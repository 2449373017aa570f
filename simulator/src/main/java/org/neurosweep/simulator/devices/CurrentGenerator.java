package org.neurosweep.simulator.devices;

/**
 * A device that sends a current (pA) to neurons, as NEST's current generators do: the value stamped T
 * (origin + start &lt;= T &lt; origin + stop, T &gt;= h) acts on a target's membrane during [T + d, T + d + h)
 * for a connection of delay d, times the connection's weight. The values are computed where the target
 * lives, per connection, when its VP updates it: the kernel calls {@link #addTo} for each connection.
 */
public abstract class CurrentGenerator extends Device {
    Window window;

    CurrentGenerator(int id, String model) {
        super(id, model);
    }

    /**
     * Adds what one connection carries to its target over a slice: {@code into[lag]} gets the value stamped
     * {@code firstStamp + lag} times {@code weight}, for the stamps the window lets out. {@code stream} is
     * the state of the connection's random stream, for generators whose targets get different currents.
     * Called by the kernel, on the target's VP thread.
     */
    public abstract void addTo(double[] into, long firstStamp, int steps, double weight, long stream);

    @Override
    public boolean sends() {
        return true;
    }
}
