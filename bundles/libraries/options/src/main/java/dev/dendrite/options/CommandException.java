package dev.dendrite.options;

/**
 * A command refused its input, or could not do what it was asked: the message is one line a
 * person can act on. The console prints it as {@code error: message}, and so does
 * {@link #toString()}, which is what Gogo's JLine console shows for a failed command, and
 * {@link #getNiceHelp()}, which is what Apache Karaf's console shows for an exception of this
 * simple name (and logs at debug level only, without the ERROR and stack trace it logs for others).
 */
public class CommandException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String toString() {
        return "error: " + getMessage();
    }

    /** The line Apache Karaf's console prints for this exception (Karaf calls it by name). */
    public String getNiceHelp() {
        return toString();
    }
}
