package dev.dendrite.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may do what, as the server was started: bound to loopback or not, and the access token
 * (null when there is none). Immutable: a restart makes a new one.
 *
 * @param loopback whether the server listens on a loopback address only
 * @param token    the access token, or null
 */
record AccessPolicy(boolean loopback, String token) {

    /** Whether {@code given} is the token, compared in constant time. */
    boolean isToken(String given) {
        return token != null && given != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
