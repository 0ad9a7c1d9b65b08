package aom.migration.restore;

/**
 * This import no longer owns the target's journal: another import took it over (it found this one dead: its
 * process gone, or its lease run out while it was suspended) or restored the target and removed it. The import
 * stops at once and touches nothing more; the target is the other import's to finish or restore.
 */
public final class OwnershipLostException extends ImportFailedException {

    public OwnershipLostException(String message) {
        super(message);
    }
}
