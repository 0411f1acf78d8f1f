package dev.dendrite.tuning;

import dev.dendrite.api.tuning.StudySettings;
import dev.dendrite.api.tuning.TrialRecord;
import dev.dendrite.api.tuning.shared.SharedStudy;
import dev.dendrite.api.tuning.shared.SharedTrial;
import dev.dendrite.api.tuning.shared.StudyDatabase;
import dev.dendrite.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Studies in a {@link StudyDatabase} that many processes share. The study's header is its
 * journal's first line ({@link Journal#header}); its limits and trials are the database's own. A
 * study in a database is never damaged, so there is nothing to repair; it is exported as a journal
 * and a journal is imported into it. Runs go through a {@link SharedRunner}.
 */
final class DatabaseStorage implements StudyStorage {
    private final StudyDatabase database;
    private final Heartbeat heartbeat;

    DatabaseStorage(StudyDatabase database, Heartbeat heartbeat) {
        this.database = database;
        this.heartbeat = heartbeat;
    }

    StudyDatabase database() {
        return database;
    }

    Heartbeat heartbeat() {
        return heartbeat;
    }

    @Override
    public List<String> names() {
        return database.names();
    }

    @Override
    public Path location(String name) {
        return null;
    }

    @Override
    public String where(String name) {
        StudySettings.checkName(name);
        return database.location() + " (study " + name + ")";
    }

    @Override
    public String where() {
        return database.location();
    }

    @Override
    public Saved read(String name) {
        return database.read(name).map(s -> new Saved(contents(s), null)).orElse(null);
    }

    /** What a study of the database holds, as a journal would hold it. */
    static Journal.Contents contents(SharedStudy s) {
        Journal.Contents header = JournalReader.header(s.header(), s.trials(), s.totalEpochs());
        return new Journal.Contents(header.settings(), header.metric(), header.higherIsBetter(),
                s.trialList().stream().map(SharedTrial::record).toList(), s.trialList().stream().map(SharedTrial::visible).toList());
    }

    @Override
    public Session open(String name) {
        throw new UnsupportedOperationException("a study in a database runs with a SharedRunner");
    }

    @Override
    public Path repair(String name) {
        throw new IllegalArgumentException("study " + name + " is kept in " + database.location()
                + ", where it cannot be damaged: --repair applies to journal files");
    }

    @Override
    public Journal.Contents export(String name, Path file) {
        Journal.Contents contents = read(name).contents();
        Journal.write(file, name, contents);
        return contents;
    }

    @Override
    public void put(String name, Journal.Contents contents) {
        StudySettings settings = contents.settings().toBuilder().name(name).build();
        List<SharedTrial> trials = new ArrayList<>();
        for (TrialRecord t : contents.trials()) {
            trials.add(new SharedTrial(t, contents.visible().get(t.number()), t.finished() ? 1 : 0));
        }
        database.importStudy(new SharedStudy(name, Json.write(Journal.header(settings, contents.metric(), contents.higherIsBetter())),
                settings.trials(), settings.totalEpochs(), trials));
    }
}
