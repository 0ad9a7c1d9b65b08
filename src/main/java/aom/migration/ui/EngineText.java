package aom.migration.ui;

import aom.migration.model.SystemKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The engine's sentences in the wizard's language. The engine speaks English to the command line, the log file and
 * the bundle's manifest (whose warnings a later preview shows again), so the wizard translates what it shows of
 * them: each known sentence is matched as a whole and rebuilt from the message bundle ({@code engine.*}), its parts
 * (names, paths, counts) carried over and the engine's words among them (the profile's kinds of document, a nested
 * reason) translated too. A sentence no rule knows is shown as the engine wrote it.
 */
public final class EngineText {

    /** The profile's names for kinds of metadata document, in the order longer names first. */
    private static final Map<String, String> KINDS = Map.of("module jar chunk", "engine.kind.chunk",
            "module jar", "engine.kind.jar", "customer", "engine.kind.customer", "plan", "engine.kind.plan",
            "application", "engine.kind.application", "module", "engine.kind.module", "class", "engine.kind.class",
            "attribute", "engine.kind.attribute");
    private static final String KIND = "(module jar chunk|module jar|customer|plan|application|module|class"
            + "|attribute)";
    /** Any system's name, so that a new system kind is matched in the engine's sentences as well. */
    private static final String SYSTEM = Arrays.stream(SystemKind.values()).map(SystemKind::name)
            .collect(Collectors.joining("|", "(", ")"));
    private static final List<Rule> RULES = new ArrayList<>();

    static {
        // The export's steps.
        rule("Connecting to the hosts of (.+)", "engine.export.connectingHosts");
        rule("Connecting to (.+)", "engine.export.connecting");
        rule("Planning the export of (.+)", "engine.export.planning");
        rule("Planning the archive export of (.+)", "engine.export.planning");
        rule("Reading the metadata closure of (.+)", "engine.export.metadata");
        rule("Exporting (\\d+) collections from (\\d+) database\\(s\\)", "engine.export.data");
        rule("Writing (\\d+) metadata documents", "engine.export.writingMetadata");
        rule("Exported (\\S+) to (.+)", "engine.export.done");
        rule("(\\S+) has no " + SYSTEM + " database \\((.+)\\); nothing exported for \\2",
                "engine.export.noDatabase");
        rule("(\\S+) has no " + SYSTEM + " database; nothing exported for \\2", "engine.export.noNaming");
        // The import's steps.
        rule("Planning the import of (.+)", "engine.import.planning");
        rule("Dry run: nothing was written", "engine.import.dryRun");
        rule("Loading (\\d+) collection\\(s\\) into staging collections", "engine.import.loading");
        rule("Building indexes on the staging collections", "engine.import.indexes");
        rule("Saving the target's metadata of (\\S+) and merging the import's", "engine.import.merging");
        rule("Swapping the loaded collections in", "engine.import.swapping");
        rule("Verifying the target against the import", "engine.import.verifying");
        rule("Dropping the collections set aside and the saved metadata", "engine.import.cleanup");
        rule("Imported (\\S+); verification passed \\(report: (.+)\\)", "engine.import.done");
        rule("Restoring the target to its state before the import", "engine.import.restoring");
        // Why a document is in the bundle, and what the closure and the merge warn about.
        rule("the application", "engine.via.seed");
        rule("belongs to " + KIND + " (.+)", "engine.via.child");
        rule("referenced by " + KIND + " (.+) \\(([^()]+)\\)", "engine.via.reference");
        rule(KIND + " (.+) is not declared by (\\S+), but (.+); included as a dependency", "engine.undeclared");
        rule(KIND + " (.+) refers to its " + KIND + " (.+)", "engine.refersToIts");
        rule(KIND + " (.+) refers to it through (.+)", "engine.refersThrough");
        rule(KIND + " (.+): (\\S+) refers to " + KIND + " (.+), which does not exist; the reference is kept as it is",
                "engine.dangling");
        rule("(\\S+) (.+): (\\S+) points at (\\S+), which the import does not contain; kept as it is",
                "engine.merge.keptReference");
        // How an application's databases are named.
        rule("Dashed naming \\((.+)\\)", "engine.naming.dashed");
        rule("Suffixed naming \\((.+)\\)", "engine.naming.suffixed");
        rule("Dashed naming \\(chosen by the user\\)", "engine.naming.dashedChosen");
        rule("Suffixed naming \\(chosen by the user\\)", "engine.naming.suffixedChosen");
        rule("Both naming conventions exist for (\\S+): (.+) and (.+)\\. Choose one\\.", "engine.naming.both");
        rule("Only the LIVE database (\\S+) exists; assuming dashed naming for the other systems",
                "engine.naming.onlyLive");
        rule("No database of (\\S+) exists on this installation", "engine.naming.none");
        // Why a connection failed.
        rule("Connection refused by (.+): nothing listens on that port; is MongoDB running\\?",
                "engine.connection.refused");
        rule("Unknown host (.+): the name does not resolve; check the spelling and the network",
                "engine.connection.unknownHost");
        rule("No answer from (.+) within (\\d+) s: check the host, the port and firewalls",
                "engine.connection.timeout");
        rule("Authentication failed for user '(.*)' on database '(.*)' at (.+): check the user name, password and"
                + " authentication database", "engine.connection.authentication");
        // One owner at a time, rollbacks that prove themselves, resumes (DESIGN.md section 5).
        rule("(\\d+) collection\\(s\\) in (\\d+) database\\(s\\) present or absent as before the import",
                "engine.checked.collections");
        rule("(\\d+) collection\\(s\\) in (\\d+) database\\(s\\) present or absent as before the import, (\\d+) of"
                + " them by document count and index names taken just before they were set aside",
                "engine.checked.counted");
        rule("(.+); (\\d+) metadata document\\(s\\) of (\\S+) compared with the copy saved before the merge",
                "engine.checked.metadata");
        rule("(.+) The target was restored to its state before the import; checked: (.+)\\.", "engine.restored");
        rule("The import was cancelled\\.", "engine.cancelled");
        rule("The target was restored to its state before the interrupted import; checked: (.+)\\.",
                "engine.restoredInterrupted");
        rule("Restoring the target to its state before the interrupted import of (\\S+)",
                "engine.restoringInterrupted");
        rule("Finishing the interrupted, already verified import of (\\S+)", "engine.finishingInterrupted");
        rule("Another import of (\\S+) into this target, started (\\S+), is running (.+)\\. This import did not start"
                + " and changed nothing\\.", "engine.busy");
        rule("in this program", "engine.busy.here");
        rule("in process (\\d+) on this computer", "engine.busy.process");
        rule("in process (\\d+) on this computer, which is suspended: resume it \\(fg, or kill -CONT \\d+\\) to let it"
                + " finish, or end it \\(kill \\d+\\) and run this import again to restore the target",
                "engine.busy.suspended");
        rule("on (\\S+) \\(process (\\d+); last sign of life (\\d+) s ago by the target's clock; if it has stopped, it"
                + " counts as ended in (\\d+) s\\)", "engine.busy.elsewhere");
        rule("This import of (\\S+) no longer owns the target: (.+)\\. It stopped at once and changed nothing more;"
                + " the target is the other import's to finish or restore\\.", "engine.lost");
        rule("(This import of \\S+ no longer owns the target: .+) Before it stopped, it had met this, most likely the"
                + " other import's doing: (.+)", "engine.lost.met");
        rule("its journal is gone, so another run found it dead and restored or finished the target",
                "engine.lost.gone");
        rule("another import \\((.+)\\) took its journal over, having found it dead \\(its lease had run out while it"
                + " did not run\\)", "engine.lost.takenOver");
        rule("process (\\d+) on this computer", "engine.where.here");
        rule("process (\\d+) on (\\S+)", "engine.where.elsewhere");
        rule(SYSTEM + ": the collection (.+) is not imported: its name has the form of the tool's working"
                + " collections, which are left out wherever the tool reads an installation\\.",
                "engine.plan.workingName");
        rule("In a check just now, (\\S+) on the target kept the documents of a renamed collection under its old name"
                + " \\(mongo-java-server's H2 backend does this\\), so renaming is not safe there: the collections are"
                + " copied into place instead of renamed\\. This is slower; the live collections are still kept until"
                + " the import is verified\\.", "engine.plan.renameUnsafe");
        rule("Found the journal of an import of (\\S+) started (\\S+) on (\\S+) stopped while loading the data \\(nothing"
                + " live had changed yet\\)\\.", "engine.leftover.loading");
        rule("Found the journal of an import of (\\S+) started (\\S+) on (\\S+) stopped while merging the metadata\\.",
                "engine.leftover.merging");
        rule("Found the journal of an import of (\\S+) started (\\S+) on (\\S+) stopped while swapping collections\\.",
                "engine.leftover.swapping");
        rule("Found the journal of an import of (\\S+) started (\\S+) on (\\S+) stopped while cleaning up after a"
                + " complete, verified import\\.", "engine.leftover.committed");
        rule("The import first restores the state from before it: (\\d+) collection\\(s\\), and checks the result"
                + " against what it recorded before it changed anything\\.", "engine.leftover.restores");
        rule("The import first restores the state from before it: (\\d+) collection\\(s\\) and the metadata saved in"
                + " the target, and checks the result against what it recorded before it changed anything\\.",
                "engine.leftover.restoresMetadata");
        rule("It had been verified: the import first drops the collections it had set aside\\.",
                "engine.leftover.finishes");
        rule("Not exported: an import of (\\S+) into this installation, started (\\S+) on (\\S+), is in flight or was"
                + " interrupted \\(its journal says: (\\w+)\\), so its databases may hold half loaded or half swapped"
                + " collections and a bundle would not be a consistent copy of \\1\\. Export after that import has ended"
                + " \\(an interrupted one is put right by the next import of \\1 into this installation\\), or export"
                + " it as it is with a warning \\(command line: --during-import\\)\\.", "engine.export.importInFlight");
        // What the verification did with a collection.
        rule("create", "engine.action.create");
        rule("replace", "engine.action.replace");
        rule("drop", "engine.action.drop");
    }

    private EngineText() {
    }

    /** {@code english} in the wizard's language, or as it is when no rule knows it. */
    public static String translate(String english) {
        if (english == null || english.isEmpty()) {
            return english;
        }
        for (Rule rule : RULES) {
            Matcher match = rule.pattern().matcher(english);
            if (match.matches()) {
                Object[] parts = new Object[match.groupCount()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = part(match.group(i + 1));
                }
                return Messages.format(rule.key(), parts);
            }
        }
        return english;
    }

    /** A part of a sentence: a kind of document in the wizard's words, a nested sentence translated, else itself. */
    private static String part(String text) {
        if (text == null) {
            return "";
        }
        String kind = KINDS.get(text);
        return kind != null ? Messages.get(kind) : translate(text);
    }

    private static void rule(String regex, String key) {
        RULES.add(new Rule(Pattern.compile(regex, Pattern.DOTALL), key));
    }

    private record Rule(Pattern pattern, String key) {
    }
}
