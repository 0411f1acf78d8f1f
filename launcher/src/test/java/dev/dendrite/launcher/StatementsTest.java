package dev.dendrite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementsTest {

    @Test
    void splitsAtTopLevelSemicolonsAndNewlines() {
        assertEquals(List.of("ml:train xor --epochs 5", "ml:models", "lb"),
                Statements.split(" ml:train xor --epochs 5; ml:models\nlb ;; "));
    }

    @Test
    void keepsSemicolonsInsideQuotesBracketsAndEscapes() {
        String closure = "each [1 2] { echo a; echo b }";
        String sub = "echo (echo x; echo y)";
        String quoted = "echo 'a;b' \"c;d\" e\\;f";
        assertEquals(List.of(closure, sub, quoted, "ml:train it\\'s"),
                Statements.split(closure + ";" + sub + ";" + quoted + "; ml:train it\\'s"));
    }

    @Test
    void andOrChainsStayOneStatement() {
        assertEquals(List.of("a && b || c", "d"), Statements.split("a && b || c; d"));
    }

    @Test
    void blankLineHasNoStatement() {
        assertEquals(List.of(), Statements.split(" ; \n "));
    }
}
