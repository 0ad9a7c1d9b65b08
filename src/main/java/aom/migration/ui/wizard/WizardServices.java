package aom.migration.ui.wizard;

import aom.migration.demo.DemoScale;
import aom.migration.model.AppHome;
import aom.migration.ui.desktop.FolderOpener;
import aom.migration.ui.dialog.DialogService;
import aom.migration.ui.task.TaskExecutor;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What pages need from outside: dialogs, a background executor, the clock (for default file names), where
 * settings live, how big the demo installation is and how folders are shown. Tests pass stand-ins.
 *
 * @param dialogs           every dialog
 * @param executor          runs engine calls off the FX thread
 * @param clock             for time stamps in default file names
 * @param settingsDirectory where recent bundles and saved connections are kept
 * @param demoScale         the size of the demo installation "Try the demo installation" starts
 * @param folders           opens the log and bundle folders in the file manager
 */
public record WizardServices(DialogService dialogs, TaskExecutor executor, Clock clock, Path settingsDirectory,
                             DemoScale demoScale, FolderOpener folders) {

    /** Services that cannot open folders (the wizard shows their paths instead). */
    public WizardServices(DialogService dialogs, TaskExecutor executor, Clock clock, Path settingsDirectory,
                          DemoScale demoScale) {
        this(dialogs, executor, clock, settingsDirectory, demoScale, FolderOpener.NONE);
    }

    /** The wizard's own services: the system clock, {@code AppHome}'s settings folder, the demo's usual size. */
    public static WizardServices standard(DialogService dialogs, TaskExecutor executor, FolderOpener folders) {
        return new WizardServices(dialogs, executor, Clock.systemDefaultZone(), AppHome.root().resolve("settings"),
                DemoScale.DEMO, folders);
    }
}
