package aom.migration;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed icon and installer files, checked without any packaging tool: the sizes the installers and the
 * window use, and that every OS associates the same bundle type with the same launcher. The installers
 * themselves are checked by {@code packaging/check-package.sh} ({@code mvn -Ppackage verify}).
 */
class PackagingFilesTest {

    private static final Path ICONS = Path.of("icons");
    private static final Path PACKAGING = Path.of("packaging");

    @Test
    void everyPngSizeIsCommittedAtItsSize() throws IOException {
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256, 512}) {
            BufferedImage image = ImageIO.read(ICONS.resolve("png/app-" + size + ".png").toFile());
            assertThat(image).as("app-%d.png", size).isNotNull();
            assertThat(image.getWidth()).as("width of app-%d.png", size).isEqualTo(size);
            assertThat(image.getHeight()).as("height of app-%d.png", size).isEqualTo(size);
            assertThat(image.getColorModel().hasAlpha()).as("app-%d.png has transparent corners", size).isTrue();
        }
    }

    @Test
    void windowIconIsWhereTheWizardLoadsIt() throws IOException {
        try (InputStream in = Main.class.getResourceAsStream("/aom/migration/ui/icons/app-64.png")) {
            assertThat(in).as("window icon resource").isNotNull();
            BufferedImage image = ImageIO.read(in);
            assertThat(image.getWidth()).isEqualTo(64);
        }
        assertThat(Files.readAllBytes(Path.of("src/main/resources/aom/migration/ui/icons/app-64.png")))
                .as("window icon is the generated 64 px icon")
                .isEqualTo(Files.readAllBytes(ICONS.resolve("png/app-64.png")));
    }

    @Test
    void windowsIconHoldsEverySizeFrom16To256() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(ICONS.resolve("app.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ico.getShort(0)).as("reserved").isZero();
        assertThat(ico.getShort(2)).as("type 1 = icon").isEqualTo((short) 1);
        int count = ico.getShort(4);
        List<Integer> widths = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int width = Byte.toUnsignedInt(ico.get(6 + 16 * i));
            widths.add(width == 0 ? 256 : width);
        }
        assertThat(widths).containsExactly(16, 24, 32, 48, 64, 128, 256);
    }

    @Test
    void macIconHoldsTheRetinaSizes() throws IOException {
        byte[] bytes = Files.readAllBytes(ICONS.resolve("app.icns"));
        ByteBuffer icns = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(icns.getInt(4)).as("declared length").isEqualTo(bytes.length);
        List<String> types = new ArrayList<>();
        for (int offset = 8; offset < bytes.length; offset += icns.getInt(offset + 4)) {
            types.add(new String(bytes, offset, 4, StandardCharsets.US_ASCII));
        }
        assertThat(types).contains("is32", "il32", "ih32", "it32", "ic08", "ic09");
    }

    @Test
    void everyOsAssociatesBundlesWithTheSameMimeTypeAndAnExistingIcon() throws IOException {
        for (String os : new String[] {"windows", "macos"}) {
            Properties association = properties(PACKAGING.resolve(os).resolve("aombundle.properties"));
            assertThat(association.getProperty("extension")).as(os).isEqualTo("aombundle");
            assertThat(association.getProperty("mime-type")).as(os).isEqualTo("application/x-aombundle");
            assertThat(Path.of(association.getProperty("icon"))).as(os + " bundle icon").isRegularFile();
        }
        String mimeInfo = Files.readString(PACKAGING.resolve("linux/app-image/lib/mime/apiomat-aombundle.xml"));
        assertThat(mimeInfo).contains("<mime-type type=\"application/x-aombundle\">",
                "<glob pattern=\"*.aombundle\"/>", "<sub-class-of type=\"application/zip\"/>");
        // The command line launcher, which opens the wizard too: its path has no spaces, which xdg-open would split.
        assertThat(desktopEntry()).contains("MimeType=application/x-aombundle;",
                "Exec=/opt/apiomat-migration-wizard/bin/aom-migration %f");
    }

    @Test
    void launchersStartTheMainClassAndTheWindowsCommandLineIsAConsoleProgram() throws IOException {
        for (String os : new String[] {"linux", "windows", "macos"}) {
            Properties launcher = properties(PACKAGING.resolve(os).resolve("cli-launcher.properties"));
            assertThat(launcher.getProperty("main-class")).as(os).isEqualTo(Main.class.getName());
        }
        assertThat(properties(PACKAGING.resolve("windows/cli-launcher.properties")).getProperty("win-console"))
                .isEqualTo("true");
    }

    @Test
    void desktopEntryNamesTheWizardWindowClass() throws Exception {
        String windowClass = desktopEntry().lines()
                .filter(line -> line.startsWith("StartupWMClass="))
                .map(line -> line.substring("StartupWMClass=".length()))
                .findFirst().orElseThrow();
        // Looked up by name: this test stays free of JavaFX imports like the rest of the engine's tests.
        Class<?> wizard = Class.forName(windowClass, false, getClass().getClassLoader());
        assertThat(wizard.getSuperclass().getName()).isEqualTo("javafx.application.Application");
    }

    private static String desktopEntry() throws IOException {
        return Files.readString(PACKAGING.resolve("linux/resource-dir/APP_NAME.desktop"));
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
