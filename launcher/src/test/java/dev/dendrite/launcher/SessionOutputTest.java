package dev.dendrite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.WeakHashMap;
import org.junit.jupiter.api.Test;

class SessionOutputTest {

    /** A stream that notes being closed. */
    private static final class Watched extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    /** The fields of Gogo's CommandSessionImpl that SessionOutput reaches. */
    static class GogoLikeSession {
        protected Channel[] channels;
        protected OutputStream out;
        protected OutputStream err;

        GogoLikeSession(OutputStream out, OutputStream err) {
            this.out = out;
            this.err = err;
            this.channels = new Channel[] {null, Channels.newChannel(out), Channels.newChannel(err)};
        }
    }

    /** The field of Gogo's CommandProcessorImpl that SessionOutput reaches. */
    static class GogoLikeProcessor {
        protected final Map<Object, Object> sessions = new WeakHashMap<>();
    }

    @Test
    void aWriteByAnInterruptedThreadClosesNeitherThePlainChannelNorItsStream() throws Exception {
        Watched stream = new Watched();
        WritableByteChannel channel = new SessionOutput.Plain(stream);

        Thread.currentThread().interrupt();
        try {
            channel.write(ByteBuffer.wrap("last progress line\n".getBytes(StandardCharsets.UTF_8)));
        } finally {
            assertTrue(Thread.interrupted()); // and cleared
        }

        assertEquals("last progress line\n", stream.toString(StandardCharsets.UTF_8));
        assertTrue(channel.isOpen());
        assertFalse(stream.closed);
    }

    @Test
    void closingThePlainChannelLeavesTheStreamOpen() throws Exception {
        Watched stream = new Watched();
        WritableByteChannel channel = new SessionOutput.Plain(stream);

        channel.close();

        assertFalse(channel.isOpen());
        assertFalse(stream.closed);
    }

    @Test
    void aSessionsOutputAndErrorGetPlainChannels() throws Exception {
        GogoLikeSession session = new GogoLikeSession(new Watched(), new Watched());

        SessionOutput.keepOpen(session);

        assertInstanceOf(SessionOutput.Plain.class, session.channels[1]);
        assertInstanceOf(SessionOutput.Plain.class, session.channels[2]);
        assertNotSame(session.channels[1], session.channels[2]);
    }

    @Test
    void aSessionWritingOutputAndErrorToOneStreamGetsOneChannel() throws Exception {
        Watched terminal = new Watched();
        GogoLikeSession session = new GogoLikeSession(terminal, terminal);

        SessionOutput.keepOpen(session);

        assertSame(session.channels[1], session.channels[2]);
    }

    @Test
    void everySessionOfAProcessorGetsPlainChannels() throws Exception {
        GogoLikeProcessor processor = new GogoLikeProcessor();
        GogoLikeSession console = new GogoLikeSession(new Watched(), new Watched());
        processor.sessions.put(console, null);

        SessionOutput.keepOpenInEverySession(processor);

        assertInstanceOf(SessionOutput.Plain.class, console.channels[1]);
    }
}
