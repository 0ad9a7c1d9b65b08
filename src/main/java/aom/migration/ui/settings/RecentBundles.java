package aom.migration.ui.settings;


import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The list of recently exported or opened bundles, newest first, kept in {@code recent-bundles.json} of the
 * settings folder. Does file work: call it from a background task.
 */
public final class RecentBundles {

    /** How many bundles the list remembers. */
    public static final int LIMIT = 10;
    static final String FILE_NAME = "recent-bundles.json";

    private final Path file;

    public RecentBundles(Path settingsDirectory) {
        this.file = settingsDirectory.resolve(FILE_NAME);
    }

    public List<RecentBundle> load() {
        List<RecentBundle> bundles = new ArrayList<>();
        for (Stored.Entry entry : SettingsFile.read(file, Stored.class).map(Stored::bundles).orElse(List.of())) {
            if (entry != null && entry.path() != null && !entry.path().isBlank()) {
                bundles.add(new RecentBundle(Path.of(entry.path()), parse(entry.lastUsed())));
            }
        }
        return bundles;
    }

    /** Puts {@code bundle} at the top (once), drops the oldest beyond {@link #LIMIT}, saves, returns the list. */
    public List<RecentBundle> add(Path bundle, Instant when) {
        Path normalized = bundle.toAbsolutePath().normalize();
        List<RecentBundle> bundles = new ArrayList<>();
        bundles.add(new RecentBundle(normalized, when));
        load().stream().filter(entry -> !entry.path().equals(normalized)).forEach(bundles::add);
        List<RecentBundle> kept = List.copyOf(bundles.subList(0, Math.min(LIMIT, bundles.size())));
        save(kept);
        return kept;
    }

    /** Forgets {@code bundle}, e.g. when its file is gone; saves and returns the list. */
    public List<RecentBundle> remove(Path bundle) {
        Path normalized = bundle.toAbsolutePath().normalize();
        List<RecentBundle> kept = load().stream().filter(entry -> !entry.path().equals(normalized)).toList();
        save(kept);
        return kept;
    }

    private void save(List<RecentBundle> bundles) {
        SettingsFile.write(file, new Stored(bundles.stream()
                .map(bundle -> new Stored.Entry(bundle.path().toString(), bundle.lastUsed().toString()))
                .toList()), false);
    }

    private static Instant parse(String text) {
        try {
            return Instant.parse(Objects.requireNonNullElse(text, ""));
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    /** The file's JSON shape. */
    record Stored(List<Entry> bundles) {

        record Entry(String path, String lastUsed) {
        }
    }
}
