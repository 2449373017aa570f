package org.neurosweep.postprocess.plot;

/**
 * One part of a {@link Figure}: a chart with its axes, legend and labels, drawn into the area the figure
 * gives it and nowhere else. The chart factories ({@link Heatmap#panel}, {@link LinePlot#panel}, …) make them.
 */
public interface Panel {
    /** Draws the panel inside {@code area} of {@code canvas}, fitting every text in. */
    void draw(Canvas canvas, Rect area);

    /** One or two sentences saying what the panel shows, for the figure's alternative text. */
    String description();
}
