package aom.migration.reliability;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class as one section of docs/RELIABILITY.md: every test in it becomes a row of that section's table
 * (see {@link CaseLog}). Tagged "reliability", so that {@code mvn verify -DexcludedGroups=reliability} leaves the
 * suite (about two minutes) out of a quick local run.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(CaseLog.class)
@Tag("reliability")
@interface Area {

    /** Sorts the sections. */
    int number();

    /** The section's title. */
    String title();

    /** One paragraph: what the section tries and what must hold after each case. */
    String promise();
}
