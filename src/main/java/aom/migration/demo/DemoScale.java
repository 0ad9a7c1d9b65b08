package aom.migration.demo;

/**
 * How much instance data the generator writes. The metadata is always the same; only the number of documents per
 * instance collection and the size of each document's payload change, so the same code serves the demo, the tests
 * and the benchmarks.
 *
 * @param seed                    seeds every id, date and value, so equal scales give byte-identical installations
 * @param documentsPerCollection  documents in each LIVE collection (STAGING gets half, TEST a quarter)
 * @param payloadBytes            average size of each document's filler text; actual sizes vary from 0.5x to 1.5x
 */
public record DemoScale(long seed, int documentsPerCollection, int payloadBytes) {

    /** What {@code migration.jar demo} and the wizard's demo use. */
    public static final DemoScale DEMO = new DemoScale(20_240_301L, 200, 400);
    /** Small and quick, for tests. */
    public static final DemoScale TESTS = new DemoScale(20_240_301L, 24, 64);

    public DemoScale {
        if (documentsPerCollection < 0 || payloadBytes < 0) {
            throw new IllegalArgumentException("documentsPerCollection and payloadBytes must not be negative");
        }
    }
}
