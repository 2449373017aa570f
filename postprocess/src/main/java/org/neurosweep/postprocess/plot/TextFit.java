package org.neurosweep.postprocess.plot;

import java.util.ArrayList;
import java.util.List;

/** Making text fit a width: shortening it with an ellipsis, or wrapping it onto a few lines. */
final class TextFit {
    static final String ELLIPSIS = "…";

    private TextFit() {
    }

    /**
     * {@code text} if it fits in {@code maxWidth}, else its longest start that fits with "…" after it
     * (cut at a space when that keeps most of it); "" if not even "…" fits.
     */
    static String ellipsize(String text, double size, boolean bold, double maxWidth) {
        if (TextMetrics.width(text, size, bold) <= maxWidth) {
            return text;
        }
        int low = 0;
        int high = text.length();
        while (low < high) { // the longest prefix p with p + "…" fitting
            int mid = (low + high + 1) / 2;
            if (TextMetrics.width(text.substring(0, mid).stripTrailing() + ELLIPSIS, size, bold) <= maxWidth) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        if (low == 0) {
            return TextMetrics.width(ELLIPSIS, size, bold) <= maxWidth ? ELLIPSIS : "";
        }
        if (low < text.length() && Character.isLowSurrogate(text.charAt(low))) {
            low--; // never split a surrogate pair
        }
        int space = text.lastIndexOf(' ', low);
        if (space > 0 && space >= low * 0.6) {
            low = space;
        }
        return text.substring(0, low).stripTrailing() + ELLIPSIS;
    }

    /**
     * {@code text} broken at spaces into at most {@code maxLines} lines of at most {@code maxWidth} each;
     * a word too long for a line, and whatever does not fit on the last line, is shortened with "…".
     */
    static List<String> wrap(String text, double size, boolean bold, double maxWidth, int maxLines) {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty() && lines.size() < maxLines) {
            if (lines.size() == maxLines - 1 || TextMetrics.width(rest, size, bold) <= maxWidth) {
                lines.add(ellipsize(rest, size, bold, maxWidth));
                break;
            }
            int cut = -1;
            for (int i = rest.indexOf(' '); i > 0; i = rest.indexOf(' ', i + 1)) {
                if (TextMetrics.width(rest.substring(0, i), size, bold) > maxWidth) {
                    break;
                }
                cut = i;
            }
            if (cut < 0) { // the first word alone is too long
                int end = rest.indexOf(' ');
                String word = end < 0 ? rest : rest.substring(0, end);
                lines.add(ellipsize(word, size, bold, maxWidth));
                rest = end < 0 ? "" : rest.substring(end + 1).strip();
            } else {
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut + 1).strip();
            }
        }
        lines.removeIf(String::isEmpty);
        return lines;
    }
}
