package dev.dendrite.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteTest {

    private static final String LONG = "x".repeat(50_000);
    private static final String SHOWN = "x".repeat(60) + "… (50000 characters)";

    private static String refusal(CommandSyntax syntax, String... words) {
        return assertThrows(CommandException.class, () -> syntax.parse(List.of(words))).getMessage();
    }

    private static String refusal(Option<?> option, String text) {
        return assertThrows(CommandException.class, () -> option.read(text)).getMessage();
    }

    @Test
    void aShortTextIsQuotedWhole() {
        assertEquals("'abc'", Quote.of("abc"));
        assertEquals("x".repeat(60), Quote.bounded("x".repeat(60)));
    }

    @Test
    void aLongTextIsShownByItsBeginningAndItsLength() {
        assertEquals("'" + SHOWN + "'", Quote.of(LONG));
    }

    @Test
    void optionReadersQuoteA50000CharacterValueBounded() {
        assertEquals("--lr: '" + SHOWN + "' is not a number", refusal(TrainingOptions.LR, LONG));
        assertEquals("--epochs: '" + SHOWN + "' is not an integer", refusal(TrainingOptions.EPOCHS, LONG));
        assertEquals("--seed: " + "9".repeat(60) + "… (50000 characters) is too large (at most 9223372036854775807)",
                refusal(TrainingOptions.SEED, "9".repeat(50_000)));
        assertEquals("--hp: expected name=value, got '" + SHOWN + "'", refusal(TrainingOptions.HP, LONG));
    }

    @Test
    void commandSyntaxQuotesA50000CharacterWordBounded() {
        CommandSyntax syntax = CommandSyntax.command("ml:demo", "a demo").option(Option.flag("quiet", "print less")).build();

        assertEquals("ml:demo: --quiet takes no value, got '" + SHOWN + "'", refusal(syntax, "--quiet=" + LONG));
        assertEquals("ml:demo has no option --" + "x".repeat(58) + "… (50002 characters) (ml:demo --help)", refusal(syntax, "--" + LONG));
        assertEquals("ml:demo takes no argument, got " + SHOWN + " too (ml:demo --help)", refusal(syntax, LONG));
    }
}
