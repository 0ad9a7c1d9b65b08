package aom.migration.model;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileDifferencesTest {

    @Test
    void theSameProfileDiffersInNothing() {
        assertThat(ProfileDifferences.between(ExtractionProfile.defaults(), ExtractionProfile.defaults())).isEmpty();
        assertThat(ProfileDifferences.between(ExtractionProfile.defaults(), null)).isEmpty();
    }

    @Test
    void eachChangedCollectionIsOneLineNamingWhatTheBundleSaysAndWhatIsInForce() {
        ExtractionProfile inForce = ExtractionProfile.defaults();
        Map<String, ExtractionProfile.CollectionSpec> collections = new LinkedHashMap<>(inForce.collections());
        ExtractionProfile.CollectionSpec customers = collections.get("customers");
        collections.put("customers", new ExtractionProfile.CollectionSpec(customers.key(),
                ExtractionProfile.Ownership.APP, customers.parent(), customers.sharedWhen(), customers.references(),
                customers.keyReferences(), ExtractionProfile.ImportPolicy.REPLACE, customers.declaredThrough(),
                "a label only changes texts"));
        collections.remove("plans");
        collections.put("secrets", customers);
        ExtractionProfile bundle = new ExtractionProfile(inForce.database(), inForce.application(),
                inForce.password(), collections);

        assertThat(ProfileDifferences.between(inForce, bundle)).containsExactly(
                "customers: owner app in the bundle, shared in force; import policy replace in the bundle,"
                        + " keepExisting in force",
                "plans: not described in the bundle, described in the profile in force",
                "secrets: described in the bundle, unknown to the profile in force (not imported)");
    }
}
