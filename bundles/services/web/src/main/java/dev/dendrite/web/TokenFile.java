package dev.dendrite.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The access token, kept in a file readable by its owner only: read when it is there, generated
 * (256 random bits, base64url) when it is not.
 */
final class TokenFile {
    /** The shortest token accepted: a token a person typed must not be guessable. */
    static final int MIN_LENGTH = 32;

    /** A token and whether it was generated just now (it is then shown once). */
    record Token(String value, boolean generated) {
    }

    private TokenFile() {
    }

    /**
     * The token in {@code file}, generated into it when the file is missing.
     *
     * @throws IllegalArgumentException when the file holds a token shorter than {@value #MIN_LENGTH}
     *                                  characters, or cannot be read or written (the message names it)
     */
    static Token readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                String token = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (token.length() < MIN_LENGTH || !token.matches("[\\x21-\\x7e]+")) {
                    throw new IllegalArgumentException(file + " holds no usable access token: it needs at least " + MIN_LENGTH
                            + " printable characters without spaces (delete the file to have one generated)");
                }
                return new Token(token, false);
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".web-token", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, token + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return new Token(token, true);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("cannot keep the access token in " + file + ": " + e.getMessage(), e);
        }
    }
}
