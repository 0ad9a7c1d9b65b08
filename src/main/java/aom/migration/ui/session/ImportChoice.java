package aom.migration.ui.session;

import aom.migration.model.SystemKind;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What of a bundle to import, as chosen on the Confirm page.
 *
 * @param systems        the systems whose data is imported
 * @param metadata       whether the metadata closure is merged
 * @param resetPasswords whether customers the import inserts get the reset password
 */
public record ImportChoice(Set<SystemKind> systems, boolean metadata, boolean resetPasswords) {

    public ImportChoice {
        EnumSet<SystemKind> copy = EnumSet.noneOf(SystemKind.class);
        copy.addAll(systems);
        systems = Collections.unmodifiableSet(copy);
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
