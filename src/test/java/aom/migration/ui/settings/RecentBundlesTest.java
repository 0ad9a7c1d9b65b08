package aom.migration.ui.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecentBundlesTest {

    @TempDir
    Path settings;

    @Test
    void remembersBundlesNewestFirstAcrossRestarts() {
        Path older = settings.resolve("ConferenceApp-20240301-101500.aombundle");
        Path newer = settings.resolve("ShopApp-20240302-090000.aombundle");
        new RecentBundles(settings).add(older, Instant.parse("2024-03-01T10:15:00Z"));
        new RecentBundles(settings).add(newer, Instant.parse("2024-03-02T09:00:00Z"));

        List<RecentBundle> loaded = new RecentBundles(settings).load();

        assertThat(loaded).extracting(RecentBundle::path).containsExactly(newer, older);
        assertThat(loaded.get(0).lastUsed()).isEqualTo(Instant.parse("2024-03-02T09:00:00Z"));
        assertThat(settings.resolve("recent-bundles.json")).content().contains("ShopApp-20240302-090000");
    }

    @Test
    void openingABundleAgainMovesItToTheTopOnce() {
        RecentBundles recent = new RecentBundles(settings);
        Path a = settings.resolve("a.aombundle");
        Path b = settings.resolve("b.aombundle");
        recent.add(a, Instant.parse("2024-03-01T00:00:00Z"));
        recent.add(b, Instant.parse("2024-03-02T00:00:00Z"));

        List<RecentBundle> list = recent.add(a, Instant.parse("2024-03-03T00:00:00Z"));

        assertThat(list).extracting(RecentBundle::path).containsExactly(a, b);
    }

    @Test
    void keepsOnlyTheNewestTen() {
        RecentBundles recent = new RecentBundles(settings);
        for (int i = 0; i < 12; i++) {
            recent.add(settings.resolve("bundle-" + i + ".aombundle"), Instant.ofEpochSecond(i));
        }

        List<RecentBundle> list = recent.load();

        assertThat(list).hasSize(RecentBundles.LIMIT);
        assertThat(list.get(0).fileName()).isEqualTo("bundle-11.aombundle");
        assertThat(list).extracting(RecentBundle::fileName).doesNotContain("bundle-0.aombundle",
                "bundle-1.aombundle");
    }

    @Test
    void forgetsARemovedBundle() {
        RecentBundles recent = new RecentBundles(settings);
        Path gone = settings.resolve("gone.aombundle");
        recent.add(gone, Instant.EPOCH);

        assertThat(recent.remove(gone)).isEmpty();
        assertThat(recent.load()).isEmpty();
    }

    @Test
    void aDamagedFileCountsAsNoRecentBundles() throws Exception {
        Files.writeString(settings.resolve("recent-bundles.json"), "{ this is not json");

        assertThat(new RecentBundles(settings).load()).isEmpty();
    }

    @Test
    void aMissingSettingsFolderIsCreatedOnFirstSave() {
        Path folder = settings.resolve("not-yet").resolve("settings");

        new RecentBundles(folder).add(settings.resolve("x.aombundle"), Instant.EPOCH);

        assertThat(new RecentBundles(folder).load()).hasSize(1);
    }
}
