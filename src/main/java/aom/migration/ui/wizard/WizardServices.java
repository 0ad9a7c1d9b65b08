package aom.migration.ui.wizard;

import aom.migration.demo.DemoScale;
import aom.migration.model.AppHome;
import aom.migration.ui.dialog.DialogService;
import aom.migration.ui.task.TaskExecutor;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What pages need from outside: dialogs, a background executor, the clock (for default file names), where
 * settings live and how big the demo installation is. Tests pass stand-ins.
 *
 * @param dialogs           every dialog
 * @param executor          runs engine calls off the FX thread
 * @param clock             for time stamps in default file names
 * @param settingsDirectory where recent bundles and saved connections are kept
 * @param demoScale         the size of the demo installation "Try the demo installation" starts
 */
public record WizardServices(DialogService dialogs, TaskExecutor executor, Clock clock, Path settingsDirectory,
                             DemoScale demoScale) {

    /** The wizard's own services: the system clock, {@code AppHome}'s settings folder, the demo's usual size. */
    public static WizardServices standard(DialogService dialogs, TaskExecutor executor) {
        return new WizardServices(dialogs, executor, Clock.systemDefaultZone(), AppHome.root().resolve("settings"),
                DemoScale.DEMO);
    }
}
