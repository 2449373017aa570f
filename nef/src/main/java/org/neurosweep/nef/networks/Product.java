package org.neurosweep.nef.networks;

import org.neurosweep.nef.EnsembleArray;
import org.neurosweep.nef.NefException;
import org.neurosweep.nef.Network;
import org.neurosweep.nef.Node;

/**
 * Nengo's Product network in its form since Nengo 2.1 (the difference of two squares): the element-wise
 * product of two vectors a and b of {@code dimensions} values, as 0.5 u^2 - 0.5 v^2 with u = (a + b) / sqrt 2
 * and v = (a - b) / sqrt 2. Two ensemble arrays, sq1 (represents u) and sq2 (represents v), each of
 * {@code dimensions} one-dimensional ensembles of max(1, neurons / 2) neurons and radius
 * inputMagnitude x sqrt 2; the squares are decoded from each ensemble and summed into the output with +0.5
 * and -0.5. Every connection inside has no synapse (Nengo's {@code synapse=None}), so the product reaches the
 * output in the same step; see ../helper-notes/nef-networks.md section 2.
 */
public final class Product {
    private Product() {
    }

    /**
     * The parts of a built Product.
     *
     * @param inputA passthrough node of the first factor (dimensions values)
     * @param inputB passthrough node of the second factor
     * @param output passthrough node of the product a_i b_i
     * @param sq1    the ensemble array representing (a + b) / sqrt 2
     * @param sq2    the ensemble array representing (a - b) / sqrt 2
     */
    public record Parts(Node inputA, Node inputB, Node output, EnsembleArray sq1, EnsembleArray sq2) {
    }

    /**
     * Builds a Product of {@code dimensions} element-wise products into {@code net}; {@code neurons} per
     * product (split over the two squares), inputs expected within {@code inputMagnitude} in each value.
     */
    public static Parts build(Network net, String label, int neurons, int dimensions, double inputMagnitude) {
        if (neurons < 1) {
            throw new NefException("product " + label + ": n_neurons = " + neurons + " must be at least 1");
        }
        if (dimensions < 1) {
            throw new NefException("product " + label + ": dimensions = " + dimensions + " must be at least 1");
        }
        if (!(inputMagnitude > 0) || Double.isInfinite(inputMagnitude)) {
            throw new NefException("product " + label + ": input_magnitude = " + inputMagnitude + " must be a positive number");
        }
        Node a = net.passthrough(label + ".input_a", dimensions);
        Node b = net.passthrough(label + ".input_b", dimensions);
        Node out = net.passthrough(label + ".output", dimensions);
        int perSquare = Math.max(1, neurons / 2);
        double radius = inputMagnitude * Math.sqrt(2);
        EnsembleArray sq1 = net.ensembleArray(label + ".sq1", perSquare, dimensions, 1, radius);
        EnsembleArray sq2 = net.ensembleArray(label + ".sq2", perSquare, dimensions, 1, radius);
        double s = 1 / Math.sqrt(2);
        net.connect(a, sq1.input()).transform(s).synapse(0);
        net.connect(b, sq1.input()).transform(s).synapse(0);
        net.connect(a, sq2.input()).transform(s).synapse(0);
        net.connect(b, sq2.input()).transform(-s).synapse(0);
        Node square1 = sq1.addOutput("square", x -> new double[] {x[0] * x[0]}, 1);
        Node square2 = sq2.addOutput("square", x -> new double[] {x[0] * x[0]}, 1);
        net.connect(square1, out).transform(0.5).synapse(0);
        net.connect(square2, out).transform(-0.5).synapse(0);
        return new Parts(a, b, out, sq1, sq2);
    }
}
