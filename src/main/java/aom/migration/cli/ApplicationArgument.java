package aom.migration.cli;

/**
 * The application a command works on, named as its argument ({@code export ConferenceApp}) or with {@code --app}:
 * one of them, or both the same.
 */
final class ApplicationArgument {

    private ApplicationArgument() {
    }

    /**
     * @param command  the command's name, for the message when no application is named
     * @param oneOnly  what to do instead, for the message when two different ones are named
     * @throws UserError (bad input) when none or two different applications are named
     */
    static String resolve(String argument, String option, String command, String oneOnly) {
        if (argument != null && option != null && !argument.equals(option)) {
            throw new UserError(ExitCode.BAD_INPUT, "Two applications given: '" + argument + "' and --app '" + option
                    + "'; " + oneOnly);
        }
        String named = argument != null ? argument : option;
        if (named == null || named.isBlank()) {
            throw new UserError(ExitCode.BAD_INPUT, "Name the application: " + command + " <App> (or --app <App>);"
                    + " the apps command lists the source's applications");
        }
        return named;
    }
}
