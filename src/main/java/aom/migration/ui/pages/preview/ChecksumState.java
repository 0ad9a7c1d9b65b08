package aom.migration.ui.pages.preview;

/** What is known about the checksums of a bundle entry (or of a group of entries). */
public enum ChecksumState {
    NOT_CHECKED, CHECKING, OK, DAMAGED;

    /** The state of a group: damaged if one is, checking while one is, OK when all are. */
    static ChecksumState combine(Iterable<ChecksumState> states) {
        boolean all = true;
        boolean checking = false;
        boolean any = false;
        for (ChecksumState state : states) {
            any = true;
            if (state == DAMAGED) {
                return DAMAGED;
            }
            checking |= state == CHECKING;
            all &= state == OK;
        }
        return checking ? CHECKING : any && all ? OK : NOT_CHECKED;
    }
}
