package org.vae4j.weka;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import weka.core.CheckGOE;
import weka.core.CheckOptionHandler;
import weka.core.OptionHandler;
import weka.core.Utils;

/**
 * Weka's own conformance checks of option handling and GUI properties for every vae4j scheme: options
 * listed, parsed, defaulted, round-tripped and reset, a global info and a tip text for every property.
 */
class WekaConformanceTest {

    /** The plugin's three schemes, as the Explorer lists them. */
    static Stream<String> schemes() {
        return Stream.of("weka.filters.unsupervised.attribute.VariationalAutoencoder",
                "weka.filters.supervised.instance.VAEOversampler",
                "weka.datagenerators.classifiers.classification.VAEGenerator");
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void optionHandling(String scheme) throws Exception {
        CheckOptionHandler check = new CheckOptionHandler();
        check.setSilent(true);
        check.setOptionHandler((OptionHandler) Utils.forName(OptionHandler.class, scheme, new String[0]));
        check.setUserOptions(Utils.splitOptions("-L 3 -E 4 -S 9"));
        assertTrue(check.checkListOptions(), "listOptions");
        assertTrue(check.checkSetOptions(), "setOptions");
        assertTrue(check.checkDefaultOptions(), "default options");
        assertTrue(check.checkRemainingOptions(), "remaining options");
        assertTrue(check.checkCanonicalUserOptions(), "canonical user options");
        assertTrue(check.checkResettingOptions(), "resetting options");
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void guiProperties(String scheme) throws Exception {
        CheckGOE check = new CheckGOE();
        check.setSilent(true);
        check.setObject(Class.forName(scheme).getDeclaredConstructor().newInstance());
        // DataGenerator's datasetFormat bean property has no tip text in Weka's own generators either.
        check.setIgnoredProperties("capabilities,options,datasetFormat");
        assertTrue(check.checkGlobalInfo(), "global info");
        assertTrue(check.checkToolTips(), "tip texts");
    }
}
