package aom.migration.bundle;

import java.util.List;

/** The bundle's {@code README.txt}: what is inside and the manual mongorestore route, for people with only unzip. */
final class Readme {

    private Readme() {
    }

    static String text(Manifest manifest) {
        Manifest.Application app = manifest.application();
        StringBuilder text = new StringBuilder();
        text.append("ApiOmat migration bundle: ").append(app.name());
        if (app.displayName() != null && !app.displayName().equals(app.name())) {
            text.append(" (").append(app.displayName()).append(')');
        }
        text.append("\n\n");
        text.append("Written ").append(manifest.createdAt()).append(" by ").append(manifest.tool().name()).append(' ')
                .append(manifest.tool().version()).append(" from ").append(manifest.source().hosts())
                .append(" (MongoDB ").append(manifest.source().serverVersion()).append(").\n");
        text.append("Open it with the ApiOmat Migration Wizard (java -jar migration.jar) to preview and import it,\n")
                .append("or inspect it with: java -jar migration.jar inspect <this file> --verify\n\n");
        text.append("What is inside\n--------------\n");
        text.append("manifest.json            what was exported from where, counts, warnings, and the size,\n")
                .append("                         document count and SHA-256 of every other file\n");
        if (manifest.metadata() != null) {
            text.append("metadata/*.jsonl         the application's metadata from the '")
                    .append(manifest.metadata().database())
                    .append("' database (application, customers,\n")
                    .append("                         plan, modules, classes, attributes, module jars), one document\n")
                    .append("                         per line in canonical Extended JSON\n")
                    .append("metadata/_keys.jsonl     natural key, shared flag and parent of each metadata document\n");
        }
        boolean dump = !manifest.databases().isEmpty() || !manifest.entries(EntryKind.DEFINITION).isEmpty();
        if (dump) {
            text.append("dump/<database>/         the instance data, exactly as mongodump writes it:\n")
                    .append("                         <collection>.bson and <collection>.metadata.json\n");
            for (Manifest.DatabaseInfo database : manifest.databases()) {
                text.append("    ").append(database.name()).append("  (").append(database.system()).append(", ")
                        .append(database.collections()).append(" collections, ").append(database.documents())
                        .append(" documents)\n");
            }
        }
        text.append('\n');
        if (dump) {
            appendManualRestore(text, manifest);
        }
        if (manifest.metadata() != null) {
            String database = manifest.metadata().database();
            text.append("WARNING: never restore metadata/ by hand, not with mongorestore and not with\n")
                    .append("mongoimport. It is a slice of the installation-wide '").append(database)
                    .append("' database; restoring\n")
                    .append("it that way would overwrite, or with --drop wipe, every other application's metadata\n")
                    .append("in '").append(database).append("'. Only the wizard (or migration.jar import) merges it"
                            + " safely.\n\n");
        }
        List<String> warnings = manifest.warnings();
        if (!warnings.isEmpty()) {
            text.append("Warnings from the export\n------------------------\n");
            for (String warning : warnings) {
                text.append("- ").append(warning).append('\n');
            }
        }
        return text.toString();
    }

    /** The mongorestore route for dump/: the folder to run it in, --drop, renaming with --nsFrom/--nsTo. */
    private static void appendManualRestore(StringBuilder text, Manifest manifest) {
        String first = manifest.databases().isEmpty() ? "<database>" : manifest.databases().get(0).name();
        text.append("Restoring the instance data by hand\n-----------------------------------\n")
                .append("The wizard is the safe way: it loads into staging collections, verifies, and only then\n")
                .append("replaces the target's data. If you must use mongorestore (MongoDB Database Tools 100.x):\n\n")
                .append("    unzip <this file> -d restore\n")
                .append("    cd restore\n")
                .append("    mongorestore --drop dump/\n\n")
                .append("(for a server other than localhost:27017, add --uri with the target's connection string)\n")
                .append("Run mongorestore in the unzip folder, the one that CONTAINS dump/, not inside dump/, and\n")
                .append("make sure that folder holds no older dump/ (a stale one would be restored too). --drop\n")
                .append("deletes each target collection before the new data is in; collections that exist only on\n")
                .append("the target are left as they are.\n\n")
                .append("To restore one system only, or under another database name (another application name,\n")
                .append("or the other naming convention), select and rename namespaces; for example:\n\n")
                .append("    mongorestore --drop --nsInclude \"").append(first).append(".*\" dump/\n")
                .append("    mongorestore --drop --nsInclude \"").append(first).append(".*\" --nsFrom \"")
                .append(first).append(".*\" --nsTo \"<new name>.*\" dump/\n\n");
    }
}
