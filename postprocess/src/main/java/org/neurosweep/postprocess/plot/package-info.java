/**
 * Scientific figures drawn as SVG (primary) or PNG at twice the pixel density, from one code path.
 *
 * <p>A {@link org.neurosweep.postprocess.plot.Figure} stacks {@link org.neurosweep.postprocess.plot.Panel}s
 * (made by the chart factories {@link org.neurosweep.postprocess.plot.Heatmap},
 * {@link org.neurosweep.postprocess.plot.CategoryMap}, {@link org.neurosweep.postprocess.plot.LinePlot},
 * {@link org.neurosweep.postprocess.plot.RasterPlot}, {@link org.neurosweep.postprocess.plot.Histogram} and
 * {@link org.neurosweep.postprocess.plot.SpectrumPlot}) and draws them onto a
 * {@link org.neurosweep.postprocess.plot.Canvas}: {@link org.neurosweep.postprocess.plot.SvgCanvas} or
 * {@link org.neurosweep.postprocess.plot.PngCanvas}. Every coordinate is in CSS pixels.
 *
 * <p>Layout is computed, never guessed: text is measured with one
 * {@link org.neurosweep.postprocess.plot.TextMetrics}, margins are made from the measured tick labels and
 * titles, and text that does not fit is wrapped or shortened with an ellipsis. Each canvas records the
 * box of every text it draws and the extent of all its ink, so tests can check that nothing overlaps or
 * falls outside the figure.
 */
package org.neurosweep.postprocess.plot;
