package aom.migration.ui.session;

import aom.migration.model.SystemKind;
import aom.migration.restore.Placement;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What of a bundle to import, and how, as chosen on the Confirm page.
 *
 * @param systems        the bundle's systems whose data is imported
 * @param metadata       whether the metadata closure is merged
 * @param resetPasswords whether customers the import inserts get the reset password
 * @param placement      under which name, and into which of the target's systems (DESIGN.md section 7)
 * @param resume         whether to go on with an interrupted import of the same bundle rather than roll it back
 */
public record ImportChoice(Set<SystemKind> systems, boolean metadata, boolean resetPasswords, Placement placement,
                           boolean resume) {

    public ImportChoice {
        EnumSet<SystemKind> copy = EnumSet.noneOf(SystemKind.class);
        copy.addAll(systems);
        systems = Collections.unmodifiableSet(copy);
        placement = placement == null ? Placement.AS_IS : placement;
    }

    /** The systems and metadata chosen, under the bundle's name, into the same systems, without a resume. */
    public ImportChoice(Set<SystemKind> systems, boolean metadata, boolean resetPasswords) {
        this(systems, metadata, resetPasswords, Placement.AS_IS, false);
    }

    /** Everything the bundle holds, without a password reset: the default. */
    public static ImportChoice everythingIn(OpenedBundle bundle) {
        Set<SystemKind> systems = EnumSet.noneOf(SystemKind.class);
        for (String system : bundle.manifest().selection().systems()) {
            systems.add(SystemKind.parse(system));
        }
        return new ImportChoice(systems, bundle.hasMetadata(), false);
    }

    public boolean isEmpty() {
        return systems.isEmpty() && !metadata;
    }
}
