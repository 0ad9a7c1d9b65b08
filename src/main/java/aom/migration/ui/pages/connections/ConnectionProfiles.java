package aom.migration.ui.pages.connections;

import aom.migration.ui.settings.SettingsFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The saved connections, in {@code connections.json} of the settings folder. The file is made readable by its
 * owner only, since a profile may hold a password the user asked to remember. Does file work: call it from a
 * background task.
 */
public final class ConnectionProfiles {

    static final String FILE_NAME = "connections.json";

    private final Path file;

    public ConnectionProfiles(Path settingsDirectory) {
        this.file = settingsDirectory.resolve(FILE_NAME);
    }

    /** The saved connections, sorted by name. */
    public List<ConnectionProfile> load() {
        List<ConnectionProfile> profiles = new ArrayList<>();
        for (ConnectionProfile profile : SettingsFile.read(file, Stored.class).map(Stored::connections)
                .orElse(List.of())) {
            if (profile != null && profile.name() != null && profile.uri() != null) {
                profiles.add(profile);
            }
        }
        profiles.sort(Comparator.comparing(ConnectionProfile::name, String.CASE_INSENSITIVE_ORDER));
        return profiles;
    }

    /** Saves {@code profile}, replacing one of the same name; returns the new list. */
    public List<ConnectionProfile> save(ConnectionProfile profile) {
        List<ConnectionProfile> profiles = new ArrayList<>(load());
        profiles.removeIf(existing -> existing.name().equalsIgnoreCase(profile.name()));
        profiles.add(profile);
        profiles.sort(Comparator.comparing(ConnectionProfile::name, String.CASE_INSENSITIVE_ORDER));
        SettingsFile.write(file, new Stored(profiles), true);
        return List.copyOf(profiles);
    }

    /** Forgets the profile called {@code name}; returns the new list. */
    public List<ConnectionProfile> delete(String name) {
        List<ConnectionProfile> profiles = new ArrayList<>(load());
        profiles.removeIf(existing -> existing.name().equalsIgnoreCase(name));
        SettingsFile.write(file, new Stored(profiles), true);
        return List.copyOf(profiles);
    }

    /** The file's JSON shape. */
    record Stored(List<ConnectionProfile> connections) {
    }
}
