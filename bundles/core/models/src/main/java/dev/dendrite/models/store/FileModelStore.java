package dev.dendrite.models.store;

import dev.dendrite.api.nn.DenseLayer;
import dev.dendrite.api.nn.Model;
import dev.dendrite.api.platform.PlatformHome;
import dev.dendrite.models.ModelInfo;
import dev.dendrite.models.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ModelStore}: {@code <name>.model.json} files in {@link ModelFile}'s format, in the
 * folder configured by {@code dev.dendrite.models} / {@code folder} (default {@code models} under
 * the platform's home, {@link PlatformHome}). A changed
 * configuration applies to the next call. Thread safe: saves are atomic renames.
 */
@Component(service = ModelStore.class, configurationPid = ModelStore.CONFIGURATION_PID, property = {
        "name=files",
        "description=saved models as <name>.model.json files in the configured folder"})
@Designate(ocd = ModelsConfiguration.class)
public final class FileModelStore implements ModelStore {
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    private static final Logger LOG = LoggerFactory.getLogger(FileModelStore.class);

    private volatile Path folder;

    /** For Declarative Services: the folder comes from the configuration. */
    public FileModelStore() {
    }

    /** A store in a fixed folder, for use outside OSGi (tools, tests). */
    public FileModelStore(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Activate
    @Modified
    void configure(ModelsConfiguration config, BundleContext context) {
        folder = folder(config.folder(), PlatformHome.of(context::getProperty).toString());
    }

    /** The configured folder, resolved against {@code home} (or the working directory) when relative; empty means {@code models}. */
    static Path folder(String configured, String home) {
        Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home.trim());
        String name = configured == null || configured.isBlank() ? "models" : configured.trim();
        return base.resolve(name).toAbsolutePath().normalize();
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public Path save(String name, Model model) {
        ModelStore.checkName(name);
        Path file = folder.resolve(name + EXTENSION);
        try {
            ModelFile.write(file, new ModelFile.Contents(name, Instant.now().truncatedTo(ChronoUnit.MILLIS), model));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot save model " + name + ": " + e.getMessage(), e);
        }
        LOG.info("saved model {}: {}", name, file);
        return file;
    }

    @Override
    public Model load(String nameOrPath) {
        return ModelFile.read(find(nameOrPath)).model();
    }

    @Override
    public List<ModelInfo> list() {
        return modelFiles().stream().map(FileModelStore::info).toList();
    }

    /** The folder's model file of that name, else an existing file at that path. */
    private Path find(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw new IllegalArgumentException("no model given: name a saved model (" + savedNames() + ") or a model file");
        }
        boolean isName = NAME.matcher(nameOrPath).matches();
        if (isName) {
            Path named = folder.resolve(nameOrPath + EXTENSION);
            if (Files.isRegularFile(named)) {
                return named;
            }
        }
        try {
            Path file = Path.of(nameOrPath);
            if (Files.isRegularFile(file)) {
                return file;
            }
        } catch (InvalidPathException e) {
            // not a path either; reported below
        }
        if (isName) {
            throw new IllegalArgumentException("no model named " + nameOrPath + " in " + folder + " (saved: " + savedNames() + ")");
        }
        throw new IllegalArgumentException("no such model file: " + nameOrPath);
    }

    private String savedNames() {
        String names = modelFiles().stream().map(FileModelStore::nameOf).collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }

    /** The folder's {@code *.model.json} files by name; none when the folder does not exist. */
    private List<Path> modelFiles() {
        Path dir = folder;
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> NAME.matcher(nameOf(f)).matches() && f.getFileName().toString().endsWith(EXTENSION)
                            && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the models folder " + dir + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
    }

    private static ModelInfo info(Path file) {
        String name = nameOf(file);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return new ModelInfo(name, file, null, null, null, 0, "cannot read the file: " + e.getClass().getSimpleName());
        }
        try {
            ModelFile.Contents contents = ModelFile.read(file);
            Model model = contents.model();
            return new ModelInfo(name, file, contents.created(), model.task(), widths(model), size, null);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return new ModelInfo(name, file, null, null, null, size, e.getMessage());
        }
    }

    /** n[0]-n[1]-…-n[L]. */
    private static String widths(Model model) {
        StringBuilder s = new StringBuilder().append(model.inputs());
        for (DenseLayer layer : model.layers()) {
            s.append('-').append(layer.weights().rows());
        }
        return s.toString();
    }

    private static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.endsWith(EXTENSION) ? fileName.substring(0, fileName.length() - EXTENSION.length()) : fileName;
    }
}
