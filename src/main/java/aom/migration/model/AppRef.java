package aom.migration.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An application as found on an installation: its name, who owns it, which modules it uses, how its databases
 * are named and which of them exist with their sizes.
 */
public record AppRef(
        String name,
        String displayName,
        String owner,
        List<String> modules,
        NamingDetection naming,
        Map<SystemKind, SystemDatabase> systems) {

    public AppRef {
        modules = List.copyOf(modules);
        systems = Map.copyOf(systems);
    }

    public Optional<SystemDatabase> system(SystemKind kind) {
        return Optional.ofNullable(systems.get(kind));
    }
}
