package dev.dendrite.models;

import dev.dendrite.api.nn.Model;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Saved models, one file {@code <name>.model.json} each in {@link #folder()}, in the
 * {@code dendrite-model} format (version 1; see the bundle's README): architecture, weights,
 * loss, data schema (features, target, task, class labels, feature scaling) and provenance, as
 * JSON whose numbers read back bit-identical.
 *
 * <p>A model name holds letters, digits, {@code .}, {@code _} and {@code -} only, starts with a
 * letter or digit, and has at most 200 characters. The folder comes from the configuration
 * {@value #CONFIGURATION_PID} (property {@code folder}) and may change while the platform runs.
 */
@ProviderType
public interface ModelStore {
    /** The ConfigAdmin PID of the store's configuration (property {@code folder}). */
    String CONFIGURATION_PID = "dev.dendrite.models";

    /** The regular expression of a model name. */
    String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,199}";

    /** The file name suffix of a saved model. */
    String EXTENSION = ".model.json";

    /**
     * Checks a model name before a long computation whose result is to be saved under it.
     *
     * @return {@code name}
     * @throws IllegalArgumentException when it is not a valid model name (the message gives the rule)
     */
    static String checkName(String name) {
        if (name == null || !Pattern.matches(NAME_PATTERN, name)) {
            throw new IllegalArgumentException("invalid model name '" + name + "': use letters, digits, '.', '_' and '-' only,"
                    + " starting with a letter or digit, at most 200 characters");
        }
        return name;
    }

    /** The folder the models are in (absolute; it need not exist yet). */
    Path folder();

    /**
     * Saves {@code model} as {@code <folder>/<name>.model.json}, replacing a model of that name,
     * atomically: a reader (or a crash) sees the old file or the new one, never a part.
     *
     * @return the file written
     * @throws IllegalArgumentException for an invalid name or a model the format cannot hold (a
     *                                  non-finite weight; the message names it)
     * @throws java.io.UncheckedIOException when the file cannot be written; a previous file is kept
     */
    Path save(String name, Model model);

    /**
     * Loads a model by name (a file in {@link #folder()}) or by the path of a model file.
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the saved ones) or
     *                                  a file that is not a valid model file (the message names
     *                                  the file and the field)
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    Model load(String nameOrPath);

    /** The saved models, by name; a file that cannot be read is listed with its {@link ModelInfo#problem()}. */
    List<ModelInfo> list();
}
