package org.vae4j.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vae4j.vae.InvalidOptionException;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeOptions;

/** The description of the VAE's options and the configuration built on it. */
class OptionRegistryTest {

    @Test
    void theConfigurationHoldsExactlyTheDescribedOptionsWithTheirDefaults() {
        VaeConfig defaults = VaeConfig.builder().build();
        Map<String, String> map = defaults.toMap();
        assertEquals(VaeOptions.ALL.stream().map(OptionDescription::name).toList(), map.keySet().stream().toList());
        for (OptionDescription option : VaeOptions.ALL) {
            String expected = option.unsetText().isPresent() ? map.get(option.name()) : option.defaultText();
            assertEquals(expected, map.get(option.name()), option.name());
        }
        // The unset decoder mirrors the encoder.
        assertEquals(defaults.encoderHidden(), defaults.decoderHidden());
    }

    @Test
    void everyOptionHasDistinctNamesFlagsAndHelp() {
        Set<String> names = new HashSet<>();
        Set<String> flags = new HashSet<>();
        for (OptionDescription option : VaeOptions.ALL) {
            assertTrue(names.add(option.name()), option.name());
            assertTrue(flags.add(option.flag()), option.flag());
            assertFalse(option.help().isBlank(), option.name());
            assertTrue(option.fullHelp().contains("(default "), option.fullHelp());
            option.defaultValue();
        }
    }

    @Test
    void everyOptionRoundTripsThroughItsTextWithANonDefaultValue() {
        Map<String, String> changed = new LinkedHashMap<>();
        for (OptionDescription option : VaeOptions.ALL) {
            changed.put(option.name(), OtherValues.of(option, ComponentRegistry.standard()));
        }
        VaeConfig config = VaeConfig.fromMap(changed).build();
        for (OptionDescription option : VaeOptions.ALL) {
            assertEquals(option.format(option.parse(changed.get(option.name()))), config.toMap().get(option.name()),
                    option.name());
            // (A kind with a single registered component has no other value.)
            if (!changed.get(option.name()).equals(option.defaultText())) {
                assertNotEquals(VaeConfig.builder().build().toMap().get(option.name()),
                        config.toMap().get(option.name()), option.name());
            }
        }
        assertEquals(config, VaeConfig.fromCompleteMap(config.toMap()));
    }

    @Test
    void modelFilesWrittenBeforeTheRegistryStillLoad() {
        Map<String, String> old = new LinkedHashMap<>(VaeConfig.builder().build().toMap());
        old.remove("guide");
        old.remove("prior");
        old.put("objective", "IMPORTANCE_WEIGHTED");
        old.put("trainingSamples", "9");
        old.put("numericLikelihood", "GAUSSIAN");
        old.put("device", "AUTO");
        VaeConfig config = VaeConfig.fromCompleteMap(old);
        assertEquals("iwae:k=9", config.objective().toString());
        assertEquals("gaussian", config.guide().toString());
        assertEquals("normal", config.prior().toString());
        old.put("objective", "ANALYTIC_ELBO");
        assertEquals("elbo", VaeConfig.fromCompleteMap(old).objective().toString());
        old.put("objective", "MONTE_CARLO_ELBO");
        assertEquals("mc-elbo", VaeConfig.fromCompleteMap(old).objective().toString());
        old.remove("epochs");
        assertEquals("epochs", assertThrows(InvalidOptionException.class, () -> VaeConfig.fromCompleteMap(old)).option());
    }
}
