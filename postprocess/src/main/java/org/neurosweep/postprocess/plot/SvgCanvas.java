package org.neurosweep.postprocess.plot;

import java.awt.Color;
import java.util.Objects;

/**
 * A {@link Canvas} that writes a standalone SVG document: width, height and viewBox in CSS pixels, a
 * {@code <title>} and {@code <desc>} for screen readers, a white background, and text in the generic
 * {@code sans-serif} family. Coordinates are written to 0.01 px (marks to 0.1 px); all text is
 * XML-escaped.
 */
public final class SvgCanvas extends RecordingCanvas {
    private final String title;
    private final String description;
    private final StringBuilder body = new StringBuilder(4096);
    private int clips;

    /**
     * @param title       the document's title (shown as a tooltip, read first by screen readers)
     * @param description a description of what the figure shows, for those who cannot see it
     */
    public SvgCanvas(double width, double height, String title, String description) {
        super(width, height);
        this.title = Objects.requireNonNull(title, "title");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** The SVG document with everything drawn so far. */
    public String toSvg() {
        StringBuilder out = new StringBuilder(body.length() + 600);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
        number(out, width(), 2).append("\" height=\"");
        number(out, height(), 2).append("\" viewBox=\"0 0 ");
        number(out, width(), 2).append(' ');
        number(out, height(), 2).append("\" role=\"img\" aria-labelledby=\"figure-title figure-desc\""
                + " font-family=\"sans-serif\">\n");
        out.append("<title id=\"figure-title\">").append(escape(title)).append("</title>\n");
        out.append("<desc id=\"figure-desc\">").append(escape(description)).append("</desc>\n");
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        return out.append(body).append("</svg>\n").toString();
    }

    @Override
    protected void drawRect(Rect r, Color fill, Pen stroke) {
        body.append("<rect x=\"");
        number(body, r.x(), 2).append("\" y=\"");
        number(body, r.y(), 2).append("\" width=\"");
        number(body, r.width(), 2).append("\" height=\"");
        number(body, r.height(), 2).append('"');
        paint(fill, stroke);
        body.append("/>\n");
    }

    @Override
    protected void drawLine(double x1, double y1, double x2, double y2, Pen pen) {
        body.append("<line x1=\"");
        number(body, x1, 2).append("\" y1=\"");
        number(body, y1, 2).append("\" x2=\"");
        number(body, x2, 2).append("\" y2=\"");
        number(body, y2, 2).append('"');
        paint(null, pen);
        body.append("/>\n");
    }

    @Override
    protected void drawPolyline(double[] xs, double[] ys, Pen pen) {
        body.append("<path d=\"");
        boolean drawing = false;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                drawing = false;
                continue;
            }
            body.append(drawing ? 'L' : 'M');
            number(body, xs[i], 2).append(' ');
            number(body, ys[i], 2);
            drawing = true;
        }
        body.append("\" stroke-linejoin=\"round\"");
        paint(null, pen);
        body.append("/>\n");
    }

    @Override
    protected void drawCircle(double cx, double cy, double radius, Color fill, Pen stroke) {
        body.append("<circle cx=\"");
        number(body, cx, 2).append("\" cy=\"");
        number(body, cy, 2).append("\" r=\"");
        number(body, radius, 2).append('"');
        paint(fill, stroke);
        body.append("/>\n");
    }

    /** One path for all the marks: a horizontal stroke as wide as a mark is tall, per mark. */
    @Override
    protected void drawMarks(double[] xs, double[] ys, double markWidth, double markHeight, Color colour) {
        body.append("<path d=\"");
        StringBuilder across = number(new StringBuilder("h"), markWidth, 1);
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                body.append('M');
                number(body, xs[i] - markWidth / 2, 1).append(' ');
                number(body, ys[i], 1).append(across);
            }
        }
        body.append('"');
        paint(null, new Pen(colour, markHeight, false));
        body.append("/>\n");
    }

    @Override
    protected void drawText(double x, double y, String text, TextStyle style) {
        body.append("<text x=\"");
        number(body, x, 2).append("\" y=\"");
        number(body, y, 2).append("\" font-size=\"");
        number(body, style.size(), 2).append('"');
        if (style.bold()) {
            body.append(" font-weight=\"bold\"");
        }
        switch (style.anchor()) {
            case MIDDLE -> body.append(" text-anchor=\"middle\"");
            case END -> body.append(" text-anchor=\"end\"");
            case START -> { } // the default
        }
        if (!Color.BLACK.equals(style.colour())) {
            colour(" fill", style.colour());
        }
        if (style.vertical()) {
            body.append(" transform=\"rotate(-90 ");
            number(body, x, 2).append(' ');
            number(body, y, 2).append(")\"");
        }
        body.append('>').append(escape(text)).append("</text>\n");
    }

    @Override
    protected void beginClip(Rect area) {
        String id = "clip" + ++clips;
        body.append("<clipPath id=\"").append(id).append("\"><rect x=\"");
        number(body, area.x(), 2).append("\" y=\"");
        number(body, area.y(), 2).append("\" width=\"");
        number(body, area.width(), 2).append("\" height=\"");
        number(body, area.height(), 2).append("\"/></clipPath>\n<g clip-path=\"url(#").append(id).append(")\">\n");
    }

    @Override
    protected void endClip() {
        body.append("</g>\n");
    }

    private void paint(Color fill, Pen stroke) {
        if (fill == null) {
            body.append(" fill=\"none\"");
        } else {
            colour(" fill", fill);
        }
        if (stroke != null) {
            colour(" stroke", stroke.colour());
            body.append(" stroke-width=\"");
            number(body, stroke.width(), 2).append('"');
            if (stroke.dashed()) {
                body.append(" stroke-dasharray=\"4 3\"");
            }
        }
    }

    private void colour(String attribute, Color c) {
        body.append(attribute).append("=\"").append(Colormap.hex(c)).append('"');
        if (c.getAlpha() < 255) {
            body.append(attribute).append("-opacity=\"");
            number(body, c.getAlpha() / 255.0, 2).append('"');
        }
    }

    /** {@code v} rounded to {@code decimals} (1 or 2) places, without trailing zeros. */
    static StringBuilder number(StringBuilder out, double v, int decimals) {
        long scale = decimals == 1 ? 10 : 100;
        long r = Math.round(v * scale);
        if (r < 0) {
            out.append('-');
            r = -r;
        }
        out.append(r / scale);
        long fraction = r % scale;
        if (fraction != 0) {
            out.append('.');
            if (decimals == 2 && fraction < 10) {
                out.append('0');
            }
            out.append(fraction % 10 == 0 ? fraction / 10 : fraction);
        }
        return out;
    }

    /** {@code s} safe inside XML text and attribute values; characters XML 1.0 does not allow are dropped. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xd800) || (c > 0xdfff && c < 0xfffe)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
