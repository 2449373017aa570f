package org.neurosweep.postprocess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scalar result over one or two explored parameters: every run's value grouped by the parameters'
 * values (runs that differ in other parameters fall in the same cell), with the mean and standard
 * deviation per cell. Runs without the result (not completed, NaN) are left out.
 */
public final class Grid {
    private final List<Double> xs;
    private final List<Double> ys;
    private final double[][] mean;
    private final double[][] std;
    private final int[][] count;

    private Grid(List<Double> xs, List<Double> ys, double[][] mean, double[][] std, int[][] count) {
        this.xs = xs;
        this.ys = ys;
        this.mean = mean;
        this.std = std;
        this.count = count;
    }

    /**
     * @param x     each run's x value
     * @param y     each run's y value, or null for a 1-D grid
     * @param value each run's result (null or NaN: left out)
     */
    public static Grid of(List<Double> x, List<Double> y, List<Double> value) {
        TreeMap<Double, Integer> xi = index(x);
        TreeMap<Double, Integer> yi = y == null ? index(List.of(0.0)) : index(y);
        int nx = xi.size();
        int ny = yi.size();
        double[][] sum = new double[nx][ny];
        double[][] sumSq = new double[nx][ny];
        int[][] count = new int[nx][ny];
        for (int r = 0; r < value.size(); r++) {
            Double v = value.get(r);
            if (v == null || v.isNaN()) {
                continue;
            }
            int i = xi.get(x.get(r));
            int j = y == null ? 0 : yi.get(y.get(r));
            sum[i][j] += v;
            sumSq[i][j] += v * v;
            count[i][j]++;
        }
        double[][] mean = new double[nx][ny];
        double[][] std = new double[nx][ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                int n = count[i][j];
                mean[i][j] = n == 0 ? Double.NaN : sum[i][j] / n;
                std[i][j] = n == 0 ? Double.NaN : Math.sqrt(Math.max(0, sumSq[i][j] / n - mean[i][j] * mean[i][j]));
            }
        }
        return new Grid(new ArrayList<>(xi.keySet()), new ArrayList<>(yi.keySet()), mean, std, count);
    }

    private static TreeMap<Double, Integer> index(List<Double> values) {
        TreeMap<Double, Integer> map = new TreeMap<>();
        for (Double v : values) {
            map.putIfAbsent(v, 0);
        }
        int k = 0;
        for (Map.Entry<Double, Integer> e : map.entrySet()) {
            e.setValue(k++);
        }
        return map;
    }

    public List<Double> xs() {
        return xs;
    }

    public List<Double> ys() {
        return ys;
    }

    public double mean(int i, int j) {
        return mean[i][j];
    }

    public double std(int i, int j) {
        return std[i][j];
    }

    public int count(int i, int j) {
        return count[i][j];
    }

    /** True when no run has a value (every one NaN, missing or not completed): nothing to plot. */
    public boolean isEmpty() {
        for (int[] column : count) {
            for (int n : column) {
                if (n > 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
