package dev.dendrite.api.tuning.shared;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A kind of shared study storage, registered as a service with the URL scheme it serves in its
 * {@value #SCHEME} property (e.g. {@code postgresql}). Credentials come from the implementation's
 * configuration or the environment, or from the URL itself; they are never part of a message.
 */
@ProviderType
public interface StudyDatabases {
    /** The service property naming the URL scheme, e.g. {@code postgresql}. */
    String SCHEME = "scheme";

    /**
     * The storage at {@code url}, e.g. {@code postgresql://db.example:5432/studies}, connected and
     * with its schema created or upgraded; the same object for the same URL while the service lives.
     *
     * @throws IllegalArgumentException for a URL that does not read (the message masks its password)
     * @throws IllegalStateException    when the database cannot be reached or its schema is newer than
     *                                  this version knows (one line, naming the masked URL)
     */
    StudyDatabase open(String url);
}
