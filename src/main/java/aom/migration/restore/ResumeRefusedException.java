package aom.migration.restore;

/**
 * {@code import --resume} where there is nothing to resume, or not with this input: the sentence says why and what
 * to do instead. Nothing was changed (the interrupted import, if any, is still there for a resume or a rollback).
 */
public final class ResumeRefusedException extends ImportFailedException {

    public ResumeRefusedException(String message) {
        super(Category.BAD_INPUT, message);
    }
}
