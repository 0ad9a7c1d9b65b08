package aom.migration.session;

import aom.migration.model.DatabaseNaming;
import aom.migration.model.ExtractionProfile;
import aom.migration.model.SystemKind;
import aom.migration.restore.Placement;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What of a bundle to import, and how, as chosen on the Confirm page or on the command line.
 *
 * @param systems        the bundle's systems whose data is imported
 * @param metadata       whether the metadata closure is merged (when the bundle holds one)
 * @param resetPasswords whether customers the import inserts get the reset password
 * @param placement      under which name, and into which of the target's systems (DESIGN.md section 7)
 * @param resume         whether to go on with an interrupted import of the same bundle rather than roll it back
 * @param naming         how the target names the application's databases, or {@code null} to find out (what the
 *                       target uses for it, else the bundle's, else dashed)
 * @param profile        the extraction profile in force, or {@code null} for the built-in one; it decides what the
 *                       import may overwrite or remove, never the profile the bundle carries
 */
public record ImportChoice(Set<SystemKind> systems, boolean metadata, boolean resetPasswords, Placement placement,
                           boolean resume, DatabaseNaming naming, ExtractionProfile profile) {

    public ImportChoice {
        EnumSet<SystemKind> copy = EnumSet.noneOf(SystemKind.class);
        copy.addAll(systems);
        systems = Collections.unmodifiableSet(copy);
        placement = placement == null ? Placement.AS_IS : placement;
    }

    /** The wizard's choice: the target's naming convention and the built-in profile. */
    public ImportChoice(Set<SystemKind> systems, boolean metadata, boolean resetPasswords, Placement placement,
                        boolean resume) {
        this(systems, metadata, resetPasswords, placement, resume, null, null);
    }

    /** The systems and metadata chosen, under the bundle's name, into the same systems, without a resume. */
    public ImportChoice(Set<SystemKind> systems, boolean metadata, boolean resetPasswords) {
        this(systems, metadata, resetPasswords, Placement.AS_IS, false);
    }

    /** Everything the bundle holds, without a password reset: the default. */
    public static ImportChoice everythingIn(OpenedBundle bundle) {
        return new ImportChoice(bundle.manifest().selection().systemKinds(), bundle.hasMetadata(), false);
    }

    /** This choice with the target's databases named by {@code convention} ({@code null}: find out). */
    public ImportChoice withNaming(DatabaseNaming convention) {
        return new ImportChoice(systems, metadata, resetPasswords, placement, resume, convention, profile);
    }

    /** This choice with {@code inForce} as the extraction profile ({@code null}: the built-in one). */
    public ImportChoice withProfile(ExtractionProfile inForce) {
        return new ImportChoice(systems, metadata, resetPasswords, placement, resume, naming, inForce);
    }

    /** The extraction profile in force. */
    public ExtractionProfile profileInForce() {
        return profile == null ? ExtractionProfile.defaults() : profile;
    }

    public boolean isEmpty() {
        return systems.isEmpty() && !metadata;
    }
}
