package aom.migration.restore;

import aom.migration.model.ApplicationNames;
import aom.migration.model.BadInputException;
import aom.migration.model.SystemKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an import puts the application it brings (DESIGN.md section 7): under which name ({@code import --as
 * NAME}) and each of the bundle's systems into which system of the target ({@code import --map LIVE=STAGING}, or
 * {@code =SKIP} to leave one out). A bundle's systems that no mapping names go into the same system of the target.
 *
 * @param name  the name the application gets in the target, or {@code null} for its own
 * @param moves the bundle's systems that go into another system of the target ({@code null} value: left out)
 */
public record Placement(String name, Map<SystemKind, SystemKind> moves) {

    /** The application under its own name, each system into its own. */
    public static final Placement AS_IS = new Placement(null, Map.of());

    public Placement {
        if (name != null) {
            ApplicationNames.requireValid(name);
        }
        Map<SystemKind, SystemKind> copy = new EnumMap<>(SystemKind.class);
        copy.putAll(moves);
        moves = Collections.unmodifiableMap(copy);
    }

    /**
     * From the command line's words.
     *
     * @param as  {@code --as NAME}, or {@code null}
     * @param map {@code --map SYSTEM=SYSTEM|SKIP} pairs: the bundle's system as typed, and where it goes
     *            ({@code null} for SKIP)
     * @throws IllegalArgumentException with one sentence for an invalid name or a pair that names no system
     */
    public static Placement parse(String as, Map<String, SystemKind> map) {
        Map<SystemKind, SystemKind> moves = new LinkedHashMap<>();
        map.forEach((from, to) -> moves.put(system(from, "--map " + from + "=" + (to == null ? "SKIP" : to)), to));
        return new Placement(as == null || as.isBlank() ? null : as.trim(), moves);
    }

    private static SystemKind system(String text, String option) {
        try {
            return SystemKind.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": '" + text.trim() + "' is not a system (use "
                    + SystemKind.names() + ", and SKIP to leave a system out)");
        }
    }

    /** The application's name in the target. */
    public String nameFor(String application) {
        return name == null ? application : name;
    }

    /** Whether the application keeps its name and every system goes into its own. */
    public boolean asIs() {
        return name == null && moves.entrySet().stream().allMatch(move -> move.getKey() == move.getValue());
    }

    /**
     * Which of {@code sources} (the bundle's systems to import) goes into which system of the target.
     *
     * @return target system -> the bundle's system, in the target's order
     * @throws IllegalArgumentException when two systems would go into one
     */
    public Map<SystemKind, SystemKind> targets(Set<SystemKind> sources) {
        Map<SystemKind, SystemKind> targets = new EnumMap<>(SystemKind.class);
        for (SystemKind source : sources) {
            SystemKind target = moves.containsKey(source) ? moves.get(source) : source;
            if (target == null) {
                continue;
            }
            SystemKind other = targets.put(target, source);
            if (other != null) {
                throw new BadInputException("The bundle's " + other + " and " + source + " data would both go"
                        + " into " + target + "; map one of them elsewhere or leave it out (--map " + other
                        + "=SKIP, or --map " + source + "=SKIP)");
            }
        }
        return targets;
    }

    /** One line per change from the bundle's own placement, for plans and reports ("LIVE -> STAGING"). */
    public List<String> describe(String application, Set<SystemKind> sources) {
        List<String> lines = new ArrayList<>();
        if (name != null && !name.equals(application)) {
            lines.add(application + " is imported as " + name);
        }
        for (SystemKind source : sources) {
            if (moves.containsKey(source)) {
                SystemKind target = moves.get(source);
                if (target == null) {
                    lines.add("the bundle's " + source + " data is left out");
                } else if (target != source) {
                    lines.add("the bundle's " + source + " data goes into " + target);
                }
            }
        }
        return lines;
    }
}
