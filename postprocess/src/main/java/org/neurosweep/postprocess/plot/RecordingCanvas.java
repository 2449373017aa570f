package org.neurosweep.postprocess.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The bookkeeping every {@link Canvas} shares: checking arguments, recording text boxes and ink, and
 * keeping track of the clip; the formats only draw.
 */
abstract class RecordingCanvas implements Canvas {
    private final double width;
    private final double height;
    private final List<TextBox> texts = new ArrayList<>();
    private Rect ink;
    private Rect clip;

    RecordingCanvas(double width, double height) {
        if (!(width > 0) || !(height > 0) || width > 20_000 || height > 20_000) {
            throw new IllegalArgumentException("a canvas must be between 0 and 20000 pixels each way, not " + width
                    + " x " + height);
        }
        this.width = width;
        this.height = height;
        TextMetrics.init();
    }

    @Override
    public final double width() {
        return width;
    }

    @Override
    public final double height() {
        return height;
    }

    @Override
    public final void rect(Rect r, Color fill, Pen stroke) {
        if (fill != null || stroke != null) {
            ink(stroke == null ? r : r.grow(stroke.width() / 2));
            drawRect(r, fill, stroke);
        }
    }

    @Override
    public final void line(double x1, double y1, double x2, double y2, Pen pen) {
        ink(Rect.between(x1, y1, x2, y2).grow(pen.width() / 2));
        drawLine(x1, y1, x2, y2, pen);
    }

    @Override
    public final void polyline(double[] xs, double[] ys, Pen pen) {
        requireSameLength(xs, ys);
        Rect extent = extent(xs, ys);
        if (extent != null) {
            ink(extent.grow(pen.width() / 2));
            drawPolyline(xs, ys, pen);
        }
    }

    @Override
    public final void circle(double cx, double cy, double radius, Color fill, Pen stroke) {
        if (fill != null || stroke != null) {
            double r = radius + (stroke == null ? 0 : stroke.width() / 2);
            ink(new Rect(cx - r, cy - r, 2 * r, 2 * r));
            drawCircle(cx, cy, radius, fill, stroke);
        }
    }

    @Override
    public final void marks(double[] xs, double[] ys, double markWidth, double markHeight, Color colour) {
        requireSameLength(xs, ys);
        Rect extent = extent(xs, ys);
        if (extent != null) {
            ink(new Rect(extent.x() - markWidth / 2, extent.y() - markHeight / 2, extent.width() + markWidth,
                    extent.height() + markHeight));
            drawMarks(xs, ys, markWidth, markHeight, colour);
        }
    }

    @Override
    public final void text(double x, double y, String text, TextStyle style) {
        if (text != null && !text.isEmpty()) {
            Rect box = style.box(text, x, y);
            texts.add(new TextBox(text, box));
            ink(box);
            drawText(x, y, text, style);
        }
    }

    @Override
    public final void clip(Rect area, Runnable drawing) {
        Rect saved = clip;
        Rect inside = saved == null ? area : saved.intersection(area);
        clip = inside == null ? new Rect(area.x(), area.y(), 0, 0) : inside;
        beginClip(clip);
        try {
            drawing.run();
        } finally {
            endClip();
            clip = saved;
        }
    }

    @Override
    public final List<TextBox> texts() {
        return Collections.unmodifiableList(texts);
    }

    @Override
    public final Rect inkBounds() {
        return ink;
    }

    protected abstract void drawRect(Rect r, Color fill, Pen stroke);

    protected abstract void drawLine(double x1, double y1, double x2, double y2, Pen pen);

    protected abstract void drawPolyline(double[] xs, double[] ys, Pen pen);

    protected abstract void drawCircle(double cx, double cy, double radius, Color fill, Pen stroke);

    protected abstract void drawMarks(double[] xs, double[] ys, double markWidth, double markHeight, Color colour);

    protected abstract void drawText(double x, double y, String text, TextStyle style);

    protected abstract void beginClip(Rect area);

    protected abstract void endClip();

    private void ink(Rect r) {
        Rect visible = clip == null ? r : r.intersection(clip);
        if (visible != null) {
            ink = ink == null ? visible : ink.union(visible);
        }
    }

    /** The extent of the points with finite coordinates, or {@code null} if there are none. */
    private static Rect extent(double[] xs, double[] ys) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                minX = Math.min(minX, xs[i]);
                maxX = Math.max(maxX, xs[i]);
                minY = Math.min(minY, ys[i]);
                maxY = Math.max(maxY, ys[i]);
            }
        }
        return minX > maxX ? null : Rect.between(minX, minY, maxX, maxY);
    }

    private static void requireSameLength(double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("as many x as y coordinates are needed, not " + xs.length + " and "
                    + ys.length);
        }
    }
}
