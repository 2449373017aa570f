package org.neurosweep.postprocess.plot;

import java.awt.Color;

/**
 * A continuous colour scale given by evenly spaced control colours, interpolated linearly in sRGB
 * between neighbours (close enough together that the result stays perceptually even).
 */
final class Colormap {
    /**
     * Viridis-like: dark blue-violet through teal and green to yellow, with lightness rising steadily, so
     * it reads in greyscale and for red-green colour blindness. Eleven control points.
     */
    static final Colormap VIRIDIS = new Colormap(0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c,
            0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725);

    private final int[] controls;

    private Colormap(int... controls) {
        this.controls = controls.clone();
    }

    /** The colour at {@code t} in [0, 1] (clamped); {@code null} for NaN. */
    Color at(double t) {
        if (Double.isNaN(t)) {
            return null;
        }
        double position = Math.max(0, Math.min(1, t)) * (controls.length - 1);
        int i = Math.min(controls.length - 2, (int) position);
        double f = position - i;
        return new Color(mix(controls[i] >> 16, controls[i + 1] >> 16, f), mix(controls[i] >> 8, controls[i + 1] >> 8, f),
                mix(controls[i], controls[i + 1], f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
    }

    /** Black or white, whichever contrasts more with {@code background} (WCAG relative luminance). */
    static Color textOn(Color background) {
        double l = luminance(background);
        return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? Color.BLACK : Color.WHITE;
    }

    /** WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white). */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    /** #rrggbb. */
    static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
