package org.neurosweep.postprocess.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A {@link Canvas} that paints into an image with {@value #PIXEL_SCALE} image pixels per CSS pixel (for
 * sharp output on high-density screens and in print), antialiased, on white.
 */
public final class PngCanvas extends RecordingCanvas {
    /** Image pixels per CSS pixel, each way. */
    public static final int PIXEL_SCALE = 2;
    private static final float[] DASH = {4f, 3f};

    private final BufferedImage image;
    private final Graphics2D g;
    /** The clips to go back to, innermost first; {@link #FULL} stands for none (a deque holds no null). */
    private final Deque<Shape> savedClips = new ArrayDeque<>();
    private static final Shape FULL = new Rectangle2D.Double();

    public PngCanvas(double width, double height) {
        super(width, height);
        image = new BufferedImage((int) Math.ceil(width * PIXEL_SCALE), (int) Math.ceil(height * PIXEL_SCALE),
                BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.scale(PIXEL_SCALE, PIXEL_SCALE);
    }

    /** The image painted so far, {@value #PIXEL_SCALE} times the canvas size. */
    public BufferedImage image() {
        return image;
    }

    @Override
    protected void drawRect(Rect r, Color fill, Pen stroke) {
        fillAndStroke(new Rectangle2D.Double(r.x(), r.y(), r.width(), r.height()), fill, stroke);
    }

    @Override
    protected void drawLine(double x1, double y1, double x2, double y2, Pen pen) {
        fillAndStroke(new Line2D.Double(x1, y1, x2, y2), null, pen);
    }

    @Override
    protected void drawPolyline(double[] xs, double[] ys, Pen pen) {
        Path2D.Double path = new Path2D.Double();
        boolean drawing = false;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                drawing = false;
            } else if (drawing) {
                path.lineTo(xs[i], ys[i]);
            } else {
                path.moveTo(xs[i], ys[i]);
                drawing = true;
            }
        }
        fillAndStroke(path, null, pen);
    }

    @Override
    protected void drawCircle(double cx, double cy, double radius, Color fill, Pen stroke) {
        fillAndStroke(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius), fill, stroke);
    }

    @Override
    protected void drawMarks(double[] xs, double[] ys, double markWidth, double markHeight, Color colour) {
        g.setColor(colour);
        Rectangle2D.Double mark = new Rectangle2D.Double(0, 0, markWidth, markHeight);
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                mark.x = xs[i] - markWidth / 2;
                mark.y = ys[i] - markHeight / 2;
                g.fill(mark);
            }
        }
    }

    @Override
    protected void drawText(double x, double y, String text, TextStyle style) {
        g.setFont(TextMetrics.font(style.size(), style.bold()));
        g.setColor(style.colour());
        double length = TextMetrics.width(text, style.size(), style.bold());
        double shift = switch (style.anchor()) {
            case START -> 0;
            case MIDDLE -> length / 2;
            case END -> length;
        };
        AffineTransform saved = g.getTransform();
        if (style.vertical()) {
            g.rotate(-Math.PI / 2, x, y);
        }
        g.drawString(text, (float) (x - shift), (float) y);
        g.setTransform(saved);
    }

    @Override
    protected void beginClip(Rect area) {
        savedClips.push(g.getClip() == null ? FULL : g.getClip());
        g.setClip(new Rectangle2D.Double(area.x(), area.y(), area.width(), area.height()));
    }

    @Override
    protected void endClip() {
        Shape saved = savedClips.pop();
        g.setClip(saved == FULL ? null : saved);
    }

    private void fillAndStroke(Shape shape, Color fill, Pen stroke) {
        if (fill != null) {
            g.setColor(fill);
            g.fill(shape);
        }
        if (stroke != null) {
            g.setColor(stroke.colour());
            g.setStroke(new BasicStroke((float) stroke.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    stroke.dashed() ? DASH : null, 0f));
            g.draw(shape);
        }
    }
}
