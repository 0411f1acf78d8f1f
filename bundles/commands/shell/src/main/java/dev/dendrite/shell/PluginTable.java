package dev.dendrite.shell;

import dev.dendrite.api.plugin.BundleProblem;
import dev.dendrite.api.plugin.PluginInfo;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How the plug-in listings print: one row per registered implementation, {@code *} on the one new
 * runs use, and {@code (shadowed by 1.1.0)} before the description of one that another version of
 * its bundle replaces, so that an old version left installed is never silently passed over.
 */
final class PluginTable {

    private PluginTable() {
    }

    /** Name, ranking, bundle, description; {@code inUse} decides the {@code *}. */
    static String of(List<PluginInfo> infos, Predicate<PluginInfo> inUse) {
        if (infos.isEmpty()) {
            return "(none registered)";
        }
        Table t = new Table("", "name", "ranking", "bundle", "description");
        infos.forEach(p -> t.row(inUse.test(p) ? "*" : " ", p.name(), p.ranking(), p.bundle(), description(p)));
        return t.toString().stripTrailing();
    }

    /** Every kind's implementations in one table, the kind (e.g. {@code activation}) first; {@code *} as in each kind's listing. */
    static String byKind(Map<String, List<PluginInfo>> infos) {
        Table t = new Table("", "kind", "name", "ranking", "bundle", "description");
        infos.forEach((kind, list) -> list.forEach(p ->
                t.row(p.selected() ? "*" : " ", kind, p.name(), p.ranking(), p.bundle(), description(p))));
        return t.toString().stripTrailing();
    }

    /** Each failing bundle, then its causes indented, e.g. {@code does not resolve: missing osgi.wiring.package; (…)}. */
    static String problems(List<BundleProblem> problems) {
        if (problems.isEmpty()) {
            return "no problems: every installed bundle resolves, and every bundle asked to start is active";
        }
        StringBuilder s = new StringBuilder();
        for (BundleProblem p : problems) {
            s.append(p.bundle()).append("  ").append(p.location()).append('\n');
            p.reasons().forEach(r -> s.append("  ").append(r).append('\n'));
        }
        return s.toString().stripTrailing();
    }

    private static String description(PluginInfo p) {
        return p.shadowed() ? ("(shadowed by " + p.shadowedBy() + ") " + p.description()).stripTrailing() : p.description();
    }
}
