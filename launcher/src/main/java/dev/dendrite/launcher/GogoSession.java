package dev.dendrite.launcher;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A session of the Gogo command processor, driven by reflection: Gogo's API classes live in the
 * gogo runtime bundle, out of the launcher's reach, so its methods are looked up on the
 * interfaces loaded from that bundle.
 */
final class GogoSession implements AutoCloseable {

    private static final String API = "org.apache.felix.service.command.";

    /** The object class of Gogo's command processor service. */
    static final String PROCESSOR = API + "CommandProcessor";

    /** {@code Converter.INSPECT}: format a command's result the way the interactive shell prints it. */
    private static final int INSPECT = 0;

    private final Object session;
    private final Method execute;
    private final Method format;
    private final Method close;

    private GogoSession(Object session, Class<?> sessionType) throws NoSuchMethodException {
        this.session = session;
        this.execute = sessionType.getMethod("execute", CharSequence.class);
        this.format = sessionType.getMethod("format", Object.class, int.class);
        this.close = sessionType.getMethod("close");
    }

    /**
     * Opens a session on the command processor of {@code reference}, reading {@code in} and
     * writing {@code out} and {@code err} (also where {@code System.out} and {@code System.err}
     * go while a command runs), which a command's interruption does not close ({@link SessionOutput}).
     */
    static GogoSession open(BundleContext context, ServiceReference<?> reference,
            InputStream in, OutputStream out, OutputStream err) throws Exception {
        Bundle gogo = reference.getBundle();
        Class<?> processorType = gogo.loadClass(PROCESSOR);
        Class<?> sessionType = gogo.loadClass(API + "CommandSession");
        Object processor = context.getService(reference);
        Object session = invoke(processorType.getMethod("createSession", InputStream.class, OutputStream.class, OutputStream.class),
                processor, in, out, err);
        SessionOutput.keepOpen(session);
        return new GogoSession(session, sessionType);
    }

    /** Runs a command line (which may hold several commands, {@code a; b}) and returns its value, or throws what it threw. */
    Object execute(String commandLine) throws Exception {
        return invoke(execute, session, commandLine);
    }

    /** Formats a command's value as the interactive shell would print it. */
    String format(Object value) throws Exception {
        return invoke(format, session, value, INSPECT).toString();
    }

    @Override
    public void close() throws Exception {
        invoke(close, session);
    }

    /** Calls {@code method}, throwing what the method threw rather than a reflection wrapper. */
    private static Object invoke(Method method, Object target, Object... args) throws Exception {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception thrown) {
                throw thrown;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
