package org.neurosweep.postprocess;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.neurosweep.postprocess.plot.Figure;

/** The HTML of the report's pages: one style sheet, escaping, figures with alt text, tables that scroll. */
final class ReportHtml {
    private static final String STYLE = "body{font-family:sans-serif;margin:1.5em auto;max-width:1240px;padding:0 1em;"
            + "line-height:1.45;color:#222}h1{margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}"
            + "figure{margin:0 0 1em 0;max-width:100%}img{max-width:100%;height:auto;display:block}"
            + "figcaption{font-size:small;color:#444;max-width:100%;overflow-wrap:anywhere}"
            + ".figs{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}"
            + ".figs>figure{flex:0 1 calc(50% - .5em);min-width:0}.figs>figure.wide{flex-basis:100%}"
            + ".scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;font-size:small;margin:.5em 0}"
            + "td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top}th{background:#f4f4f4;text-align:left}"
            + "td.num{text-align:right;font-variant-numeric:tabular-nums}p.note{color:#555;font-size:small}"
            + "code{overflow-wrap:anywhere}nav a{margin-right:1em}";

    private ReportHtml() {
    }

    static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + esc(title) + "</title><style>" + STYLE
                + "</style></head><body>" + body + "</body></html>\n";
    }

    /** Saves the figure into {@code dir} as {@code name} and returns its {@code <figure>} with alt text and caption. */
    static String figure(Figure f, Path dir, String name, String caption, boolean wide, List<Path> written) throws IOException {
        Path file = dir.resolve(name);
        f.save(file);
        written.add(file);
        return "<figure" + (wide ? " class=\"wide\"" : "") + "><img src=\"" + esc(name) + "\" alt=\"" + esc(f.alt())
                + "\" width=\"" + Math.round(f.width()) + "\" height=\"" + Math.round(f.height()) + "\">"
                + (caption == null || caption.isEmpty() ? "" : "<figcaption>" + esc(caption) + "</figcaption>") + "</figure>";
    }

    /** A table of text cells; {@code numeric} marks the columns aligned right; wide tables scroll. */
    static String table(List<String> header, List<List<String>> rows, boolean[] numeric) {
        StringBuilder sb = new StringBuilder("<div class=\"scroll\"><table><tr>");
        for (String h : header) {
            sb.append("<th>").append(esc(h)).append("</th>");
        }
        sb.append("</tr>");
        for (List<String> row : rows) {
            sb.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                boolean num = numeric != null && c < numeric.length && numeric[c];
                sb.append(num ? "<td class=\"num\">" : "<td>").append(row.get(c)).append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</table></div>").toString();
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
