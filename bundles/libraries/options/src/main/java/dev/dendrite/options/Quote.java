package dev.dendrite.options;

/**
 * A user's text in a message, bounded: a message names what was wrong in one line, however long
 * the text given (a 50 MB value is shown by its first {@value #SHOWN} characters and its length).
 */
public final class Quote {

    /** The characters of a long text that a message shows. */
    public static final int SHOWN = 60;

    private Quote() {
    }

    /** {@code 'text'}, bounded as by {@link #bounded}. */
    public static String of(String text) {
        return "'" + bounded(text) + "'";
    }

    /** {@code text}, or for a text longer than {@value #SHOWN} characters {@code its beginning… (N characters)}. */
    public static String bounded(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "… (" + text.length() + " characters)";
    }
}
