package org.vae4j.weka;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import weka.core.Instances;

/** The warning that instance weights are not used in training: given for weighted data only. */
class IgnoredWeightsTest {

    @Test
    void onlyWeightedDataIsWarnedAbout() throws Exception {
        Instances iris = ArffFixtures.load("iris.arff");
        assertFalse(IgnoredWeights.warnIfAny(iris, "test"));
        iris.instance(7).setWeight(2.5);
        assertTrue(IgnoredWeights.warnIfAny(iris, "test"));
    }
}
