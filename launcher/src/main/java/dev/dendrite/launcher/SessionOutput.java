package dev.dendrite.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.Map;

/**
 * Keeps a Gogo session's output open when a command is interrupted (Ctrl-C). Gogo (runtime 1.1.6)
 * writes a session's standard output and error through channels from
 * {@code Channels.newChannel(OutputStream)}, which are interruptible: one write by a thread whose
 * interrupt flag is set, such as a command printing its last progress line as it stops, closes
 * the channel and the stream under it. In the console that stream is the terminal, and nothing
 * shows any more; with {@code -c}, the launcher's standard output or error. The session's two
 * output channels are replaced by plain ones writing to the same streams; Gogo's own channel of
 * each statement, on top, still ends that statement's output when it is interrupted.
 *
 * <p>Gogo's classes are reached by reflection on its fields {@code sessions}
 * (CommandProcessorImpl) and {@code channels}, {@code out}, {@code err} (CommandSessionImpl).
 */
final class SessionOutput {

    private static final int OUT = 1;
    private static final int ERR = 2;

    private SessionOutput() {
    }

    /** Keeps the output of every session of Gogo's command {@code processor} open. */
    static void keepOpenInEverySession(Object processor) throws ReflectiveOperationException {
        Map<?, ?> sessions = (Map<?, ?>) field(processor.getClass(), "sessions").get(processor);
        List<?> open;
        synchronized (sessions) {
            open = List.copyOf(sessions.keySet());
        }
        for (Object session : open) {
            keepOpen(session);
        }
    }

    /** Keeps the output of a Gogo {@code session} open. */
    static void keepOpen(Object session) throws ReflectiveOperationException {
        Class<?> type = session.getClass();
        Channel[] channels = (Channel[]) field(type, "channels").get(session);
        OutputStream out = (OutputStream) field(type, "out").get(session);
        OutputStream err = (OutputStream) field(type, "err").get(session);
        Plain plainOut = new Plain(out);
        channels[OUT] = plainOut;
        channels[ERR] = err == out ? plainOut : new Plain(err);
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    /** A channel writing to a stream, which an interrupt does not close. */
    static final class Plain implements WritableByteChannel {

        private final OutputStream out;
        private volatile boolean open = true;

        Plain(OutputStream out) {
            this.out = out;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            if (!open) {
                throw new ClosedChannelException();
            }
            int length = source.remaining();
            byte[] bytes = new byte[length];
            source.get(bytes);
            out.write(bytes);
            return length;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        /** Closes the channel, not the stream, which is the session's creator's. */
        @Override
        public void close() {
            open = false;
        }
    }
}
