/**
 * What the {@code ml} commands add to Apache Karaf's console, which completes and documents them
 * its own way (not Gogo's {@code complete} definitions the launcher's console reads): Tab
 * completion of their options and values ({@link KarafCompletion}) and {@code help ml}
 * ({@link HelpAction}). The bundle imports Karaf's shell API optionally: outside Karaf only
 * {@link KarafPresence} is loaded, which finds it is not there. Private.
 */
package dev.dendrite.shell.karaf;
