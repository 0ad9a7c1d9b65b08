package aom.migration.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a bundle's extraction profile says differently from the one in force (DESIGN.md section 4, "The bundle
 * informs; the tool decides"): a bundle is input from elsewhere and its manifest has no authenticity of its own, so
 * an import follows the tool's profile, and the plan and the preview show these lines so that nobody wonders why.
 * Labels (how a document is called in texts) are left out: they change nothing in the target.
 */
public final class ProfileDifferences {

    private ProfileDifferences() {
    }

    /**
     * One line per difference, e.g. {@code customers: owner app in the bundle, shared in force; import policy
     * replace in the bundle, keepExisting in force}; empty when they agree on everything an import acts on.
     */
    public static List<String> between(ExtractionProfile inForce, ExtractionProfile bundle) {
        List<String> lines = new ArrayList<>();
        if (bundle == null) {
            return lines;
        }
        differs(lines, "metadata database", bundle.database(), inForce.database());
        differs(lines, "application documents", bundle.application(), inForce.application());
        differs(lines, "passwords", bundle.password(), inForce.password());
        Set<String> names = new LinkedHashSet<>(inForce.collections().keySet());
        names.addAll(bundle.collections().keySet());
        for (String name : names) {
            ExtractionProfile.CollectionSpec ours = inForce.collections().get(name);
            ExtractionProfile.CollectionSpec theirs = bundle.collections().get(name);
            if (ours == null) {
                lines.add(name + ": described in the bundle, unknown to the profile in force (not imported)");
            } else if (theirs == null) {
                lines.add(name + ": not described in the bundle, described in the profile in force");
            } else {
                collection(name, ours, theirs).ifPresent(lines::add);
            }
        }
        return lines;
    }

    private static Optional<String> collection(String name, ExtractionProfile.CollectionSpec ours,
                                                         ExtractionProfile.CollectionSpec theirs) {
        List<String> parts = new ArrayList<>();
        part(parts, "owner", theirs, ours, spec -> spec.owner() == null ? null : spec.owner().json());
        part(parts, "import policy", theirs, ours,
                spec -> spec.importPolicy() == null ? null : spec.importPolicy().json());
        part(parts, "key", theirs, ours, ExtractionProfile.CollectionSpec::key);
        part(parts, "parent", theirs, ours, ExtractionProfile.CollectionSpec::parent);
        part(parts, "shared when", theirs, ours, ExtractionProfile.CollectionSpec::sharedWhen);
        part(parts, "references", theirs, ours, ExtractionProfile.CollectionSpec::references);
        part(parts, "key references", theirs, ours, ExtractionProfile.CollectionSpec::keyReferences);
        part(parts, "declared through", theirs, ours, ExtractionProfile.CollectionSpec::declaredThrough);
        return parts.isEmpty() ? Optional.empty()
                : Optional.of(name + ": " + String.join("; ", parts));
    }

    private static void part(List<String> parts, String what, ExtractionProfile.CollectionSpec theirs,
                             ExtractionProfile.CollectionSpec ours, Function<ExtractionProfile.CollectionSpec, ?> get) {
        Object bundle = get.apply(theirs);
        Object inForce = get.apply(ours);
        if (!Objects.equals(bundle, inForce)) {
            parts.add(what + " " + shown(bundle) + " in the bundle, " + shown(inForce) + " in force");
        }
    }

    private static void differs(List<String> lines, String what, Object bundle, Object inForce) {
        if (!Objects.equals(bundle, inForce)) {
            lines.add(what + ": " + shown(bundle) + " in the bundle, " + shown(inForce) + " in force");
        }
    }

    private static String shown(Object value) {
        return value == null ? "none" : value.toString();
    }
}
