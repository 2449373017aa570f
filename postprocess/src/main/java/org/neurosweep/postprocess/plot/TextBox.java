package org.neurosweep.postprocess.plot;

/**
 * A piece of text a canvas drew, and the box it covers (from {@link TextStyle#box}).
 *
 * @param text the text
 * @param box  where it landed, ascent to descent and start to end
 */
public record TextBox(String text, Rect box) {
}
