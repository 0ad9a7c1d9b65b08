package aom.migration.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SpoolStoreTest {

    @TempDir
    Path folder;

    @Test
    void readingAheadMayUseHalfOfWhatTheDiskHasFreeBesideTheBundleAndNothingWhenTheBundleTakesItAll()
            throws IOException {
        long usable = Files.getFileStore(folder).getUsableSpace();
        try (SpoolStore store = SpoolStore.create(folder, "test", 1024)) {
            long spare = store.spareDiskBytes(usable / 2);
            // The disk's free space moves a little while the test runs.
            assertThat(spare).isBetween(usable / 4 - (64L << 20), usable / 4 + (64L << 20));
            assertThat(store.spareDiskBytes(usable * 2)).isZero();
        }
    }
}
