package aom.migration.restore;

import aom.migration.progress.CancelledException;

import java.util.Optional;

/**
 * An import that was cancelled, with what it did about it: the proof of its rollback (what was checked), or none
 * when it was cancelled before it had changed anything.
 */
public final class ImportCancelledException extends CancelledException {

    private final transient RollbackProof proof;

    ImportCancelledException(String message, RollbackProof proof) {
        super(message);
        this.proof = proof;
    }

    /** What the rollback checked after the cancel; empty when the import had not begun to change the target. */
    public Optional<RollbackProof> proof() {
        return Optional.ofNullable(proof);
    }
}
