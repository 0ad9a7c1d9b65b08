package aom.migration.cli;

import aom.migration.model.DatabaseNaming;
import aom.migration.model.SystemKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;
import java.util.function.Function;

/**
 * Picocli converters for the tool's own value types, so that commands receive {@link SystemKind}s and
 * {@link DatabaseNaming}s rather than words, and a wrong word is refused while the command line is parsed, with the
 * sentence the type gives (exit 2, no usage: see {@link CliErrors#handleParseError}).
 */
final class Converters {

    private Converters() {
    }

    /** {@code value} parsed by {@code parse}, whose sentence for a wrong word becomes picocli's. */
    private static <T> T parsed(String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /**
     * One element of {@code --systems LIVE,STAGING}, any case. An empty element ({@code --systems ""}) is
     * {@code null}: an empty choice, which each command judges ({@link SystemList#of}).
     */
    static final class SystemName implements ITypeConverter<SystemKind> {
        @Override
        public SystemKind convert(String value) {
            return value.isBlank() ? null : parsed(value, SystemKind::parse);
        }
    }

    /** {@code --naming DASHED|SUFFIXED}, any case. */
    static final class Naming implements ITypeConverter<DatabaseNaming> {
        @Override
        public DatabaseNaming convert(String value) {
            return parsed(value, DatabaseNaming::parse);
        }
    }

    /** The left side of {@code --map FROM=SYSTEM} as typed: a system of a bundle, a database of a dump. */
    static final class Word implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return value;
        }
    }

    /** The right side of {@code --map FROM=SYSTEM}: a system, or {@code SKIP}. */
    static final class Target implements ITypeConverter<MapTarget> {
        @Override
        public MapTarget convert(String value) {
            if (value.trim().toUpperCase(Locale.ROOT).equals("SKIP")) {
                return MapTarget.SKIP;
            }
            try {
                return new MapTarget(SystemKind.parse(value));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value.trim() + "' is not a system (use " + SystemKind.names()
                        + ", and SKIP to leave a system out)");
            }
        }
    }

    /**
     * Where {@code --map} sends a system or a dump's database.
     *
     * @param system the system, or {@code null} for {@code SKIP}
     */
    record MapTarget(SystemKind system) {
        static final MapTarget SKIP = new MapTarget(null);
    }
}
