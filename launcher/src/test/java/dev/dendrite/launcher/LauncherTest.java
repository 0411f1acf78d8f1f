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

    @Test
    void gogosArgumentMismatchIsSaidInTheUsersTerms() {
        assertEquals("the arguments do not fit tune: an unknown option, or a value or argument missing or too many"
                + " (help tune lists its options)",
                Launcher.message(new IllegalArgumentException("Cannot coerce tune(Token, Token, Token) to any of [(String, String)]")));
    }
}
