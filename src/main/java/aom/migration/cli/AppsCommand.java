package aom.migration.cli;

import aom.migration.model.AppRef;
import aom.migration.model.NamingDetection;
import aom.migration.model.SystemDatabase;
import aom.migration.model.SystemKind;
import aom.migration.mongo.InstanceHosts;
import aom.migration.mongo.Installation;
import aom.migration.mongo.SystemHosts;
import aom.migration.mongo.UnknownApplicationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code apps}: lists the applications of an installation with owner, naming and per-system databases. */
@Command(name = "apps", mixinStandardHelpOptions = true,
        description = "List the ApiOmat applications of an installation with their databases and document counts.")
public class AppsCommand implements Callable<Integer> {

    @Mixin
    SourceOptions source;

    @Mixin
    SystemUriOptions systemUris;

    @Option(names = "--json", description = "Print JSON instead of a table")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<AppRef> apps;
        String server;
        String noMetadata = null;
        InstanceHosts hosts = systemUris.hosts();
        try (Installation installation = Installation.connect(source.settings());
             SystemHosts systems = SystemHosts.connect(installation, hosts)) {
            apps = installation.applications().stream().map(systems::withOwnHosts).toList();
            server = installation.settings().hostsOnly() + " (" + installation.serverInfo().describe() + ")";
            if (apps.isEmpty() && !installation.hasMetadata()) {
                noMetadata = UnknownApplicationException.withoutMetadata(installation.databaseNames());
            }
        }
        if (json) {
            out.println(toJson(apps));
        } else {
            printTable(out, server, apps);
            if (noMetadata != null) {
                out.println("Note: " + noMetadata.substring(0, 1).toUpperCase(Locale.ROOT)
                        + noMetadata.substring(1));
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static void printTable(PrintWriter out, String server, List<AppRef> apps) {
        out.println("Installation " + server + ": " + apps.size() + " application" + (apps.size() == 1 ? "" : "s"));
        if (apps.isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("NAME", "DISPLAY NAME", "OWNER", "NAMING"));
        for (SystemKind system : SystemKind.values()) {
            header.add(system.name());
        }
        rows.add(header.toArray(String[]::new));
        for (AppRef app : apps) {
            List<String> row = new ArrayList<>(List.of(app.name(), app.displayName(), app.owner(),
                    app.naming().namingIfKnown().map(n -> n.name().toLowerCase()).orElse("?")));
            for (SystemKind system : SystemKind.values()) {
                row.add(system(app, system));
            }
            rows.add(row.toArray(String[]::new));
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + widths[i] + "s", row[i]));
                if (i < row.length - 1) {
                    line.append("  ");
                }
            }
            out.println(line.toString().stripTrailing());
        }
        for (AppRef app : apps) {
            if (app.naming().outcome() != NamingDetection.Outcome.DETECTED) {
                out.println("Note: " + app.naming().report());
            }
        }
    }

    private static String system(AppRef app, SystemKind kind) {
        return app.system(kind).map(db -> db.database() + " (" + db.documents() + " docs)").orElse("-");
    }

    private static String toJson(List<AppRef> apps) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (AppRef app : apps) {
            ObjectNode node = array.addObject();
            node.put("name", app.name());
            node.put("displayName", app.displayName());
            node.put("owner", app.owner());
            node.put("naming", app.naming().namingIfKnown().map(Enum::name).orElse(null));
            node.put("namingReport", app.naming().report());
            node.putPOJO("modules", app.modules());
            ObjectNode systems = node.putObject("systems");
            for (SystemDatabase db : app.systems().values()) {
                ObjectNode system = systems.putObject(db.system().name());
                system.put("database", db.database());
                system.put("documents", db.documents());
                system.put("dataBytes", db.dataBytes());
                system.put("collections", db.collections());
            }
        }
        return mapper.writeValueAsString(array);
    }
}
