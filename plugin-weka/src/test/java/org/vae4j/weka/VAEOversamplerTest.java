package org.vae4j.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.vae4j.options.OptionDescription;
import org.vae4j.oversample.OversamplingOptions;

import weka.core.Instance;
import weka.core.Instances;
import weka.core.SelectedTag;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.supervised.instance.VAEOversampler;

/** The conditional-VAE oversampler on an imbalanced data set with nominal attributes and missing values. */
class VAEOversamplerTest {

    private static VAEOversampler oversampler(String options) throws Exception {
        VAEOversampler filter = new VAEOversampler();
        filter.setOptions(Utils.splitOptions("-E 10 " + options));
        return filter;
    }

    private static Instances apply(Instances data, Filter filter) throws Exception {
        filter.setInputFormat(data);
        return Filter.useFilter(data, filter);
    }

    @Test
    void balancesTheClassesWithSyntheticInstancesAppendedAfterTheOriginals() throws Exception {
        Instances data = ArffFixtures.load("breast-cancer.arff");
        int[] before = data.attributeStats(data.classIndex()).nominalCounts;
        Instances result = apply(data, oversampler(""));

        int[] after = result.attributeStats(result.classIndex()).nominalCounts;
        int largest = Math.max(before[0], before[1]);
        assertArrayEquals(new int[] {largest, largest}, after);
        assertTrue(data.equalHeaders(result));
        for (int r = 0; r < data.numInstances(); r++) {
            assertEquals(data.instance(r).toString(), result.instance(r).toString());
        }
        for (int r = data.numInstances(); r < result.numInstances(); r++) {
            Instance synthetic = result.instance(r);
            assertEquals(before[0] < before[1] ? 0 : 1, (int) synthetic.classValue());
            for (int a = 0; a < result.numAttributes(); a++) {
                // Missing only where real instances are, as the interpolated instances follow the real ones.
                assertTrue(synthetic.isMissing(a) ? data.attributeStats(a).missingCount > 0
                        : synthetic.value(a) < result.attribute(a).numValues(), synthetic.toString());
            }
        }
    }

    @Test
    void aPercentageRaisesSmallClassesToThatShareOfTheLargest() throws Exception {
        Instances iris = ArffFixtures.load("iris.arff");
        Instances unbalanced = new Instances(iris, 0);
        for (int r = 0; r < iris.numInstances(); r++) {
            if (iris.instance(r).classValue() != 1 || r % 10 == 0) {
                unbalanced.add(iris.instance(r));
            }
        }
        Instances result = apply(unbalanced, oversampler("-P 60"));
        assertArrayEquals(new int[] {50, 30, 50}, result.attributeStats(4).nominalCounts);
    }

    @Test
    void laterBatchesPassThroughUnchanged() throws Exception {
        Instances data = ArffFixtures.load("breast-cancer.arff");
        VAEOversampler filter = oversampler("-warmup 1");
        apply(data, filter);
        for (int r = 0; r < 5; r++) {
            assertTrue(filter.input(data.instance(r)));
            assertEquals(data.instance(r).toString(), filter.output().toString());
            assertEquals(0, filter.numPendingOutput());
        }
    }

    @Test
    void anEmptyFirstBatchLeavesTheOversamplingToTheNextBatch() throws Exception {
        Instances data = ArffFixtures.load("breast-cancer.arff");
        VAEOversampler filter = oversampler("");
        filter.setInputFormat(data);
        assertEquals(0, Filter.useFilter(new Instances(data, 0), filter).numInstances());
        int[] counts = Filter.useFilter(data, filter).attributeStats(data.classIndex()).nominalCounts;
        assertEquals(counts[0], counts[1]);
    }

    @Test
    void rowsWithoutAClassAreKeptButNotLearnedFrom() throws Exception {
        Instances data = ArffFixtures.load("iris.arff");
        Instances unbalanced = new Instances(data, 0);
        for (int r = 0; r < data.numInstances(); r++) {
            if (data.instance(r).classValue() != 1 || r % 10 == 0) {
                unbalanced.add(data.instance(r));
            }
        }
        unbalanced.instance(0).setClassMissing();
        unbalanced.instance(60).setClassMissing();
        Instances result = apply(unbalanced, oversampler(""));
        assertArrayEquals(new int[] {49, 49, 49}, result.attributeStats(4).nominalCounts);
        assertEquals(2, result.attributeStats(4).missingCount);
    }

    @Test
    void aClassValueOutsideTheHeaderIsNamedByItsRowCountedFromOne() throws Exception {
        Instances data = ArffFixtures.load("breast-cancer.arff");
        data.instance(3).setValue(data.classIndex(), 7);
        Exception e = assertThrows(IllegalArgumentException.class, () -> apply(data, oversampler("")));
        assertTrue(e.getMessage().contains("row 4,") && e.getMessage().contains("'Class'"), e.getMessage());
    }

    @Test
    void optionsRoundTripAndBadValuesAreNamed() throws Exception {
        VAEOversampler filter = oversampler("-P 75 -L 3 -S 9");
        VAEOversampler copy = new VAEOversampler();
        copy.setOptions(filter.getOptions());
        assertArrayEquals(filter.getOptions(), copy.getOptions());
        assertEquals(75, copy.getPercentage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> oversampler("-P -5")).getMessage()
                .contains("-P"));
        assertTrue(copy.globalInfo().contains("Sohn"));
    }

    @Test
    void everyOversamplingOptionIsAPropertyWithATipTextAndTheRegistryDefault() throws Exception {
        VAEOversampler fresh = new VAEOversampler();
        PropertyDescriptor[] properties = Introspector.getBeanInfo(VAEOversampler.class).getPropertyDescriptors();
        for (OptionDescription option : OversamplingOptions.ALL) {
            PropertyDescriptor property = Arrays.stream(properties).filter(p -> p.getName().equals(option.name()))
                    .findFirst().orElse(null);
            assertNotNull(property, "no property " + option.name());
            assertNotNull(property.getWriteMethod(), option.name());
            assertEquals(option.fullHelp(), VAEOversampler.class.getMethod(option.name() + "TipText").invoke(fresh));
            Object value = property.getReadMethod().invoke(fresh);
            String text = value instanceof SelectedTag tag ? tag.getSelectedTag().getIDStr() : option.format(value);
            assertEquals(option.defaultText(), text, "default of " + option.name());
        }
    }

    @Test
    void theOversamplingOptionsRoundTripAndABadValueIsNamed() throws Exception {
        VAEOversampler filter = oversampler("-oversampling prior -neighbours 3");
        VAEOversampler copy = new VAEOversampler();
        copy.setOptions(filter.getOptions());
        assertArrayEquals(filter.getOptions(), copy.getOptions());
        assertEquals("prior", copy.getOversampling().getSelectedTag().getIDStr());
        assertEquals(3, copy.getNeighbours());
        String message = assertThrows(IllegalArgumentException.class, () -> oversampler("-neighbours 0")).getMessage();
        assertTrue(message.contains("-neighbours"), message);
    }

    @Test
    void aNumericClassIsRefused() throws Exception {
        Instances iris = ArffFixtures.load("iris.arff");
        iris.setClassIndex(0);
        assertThrows(Exception.class, () -> oversampler("").setInputFormat(iris));
    }
}
