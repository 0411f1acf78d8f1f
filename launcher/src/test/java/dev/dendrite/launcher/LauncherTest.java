package dev.dendrite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void errorMessageSkipsWrappersThatOnlyRepeatTheirCause() {
        IllegalArgumentException cause = new IllegalArgumentException("unknown data set 'x'");

        assertEquals("unknown data set 'x'", Launcher.message(new RuntimeException(new InvocationTargetException(cause))));
    }

    @Test
    void errorMessageKeepsAWrapperThatSaysMore() {
        Exception e = new IllegalArgumentException("--lr 'x' is not a number", new NumberFormatException("For input string: x"));

        assertEquals("--lr 'x' is not a number", Launcher.message(e));
    }

    @Test
    void errorWithoutMessageIsNamedByItsClass() {
        assertEquals("java.lang.NullPointerException", Launcher.message(new NullPointerException()));
    }
}
