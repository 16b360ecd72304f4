package org.vae4j.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.property.ListProperty;
import com.oracle.labs.mlrg.olcut.config.property.SimpleProperty;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import org.junit.jupiter.api.Test;
import org.tribuo.provenance.TrainerProvenance;
import org.vae4j.options.ComponentRegistry;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionType;
import org.vae4j.options.OtherValues;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeOptions;

/**
 * Every option of vae4j's registry is an OLCUT-configurable field of {@link VaeFeatureTrainer} that starts at
 * the registry's default, reaches the VAE's configuration, is recorded in provenance, and is replayed from
 * it. The options and values come from the registry's descriptions, not from a list in this test.
 */
class TribuoOptionsTest {

    private static VaeFeatureTrainer configured(Map<String, String> options) {
        return OlcutConfigs.configured(VaeFeatureTrainer.class, VaeOptions.ALL, options);
    }

    @Test
    void everyOptionIsAConfigFieldStartingAtTheRegistryDefault() throws Exception {
        VaeFeatureTrainer trainer = configured(Map.of());
        for (OptionDescription option : VaeOptions.ALL) {
            Field field = OptionFields.field(trainer, option);
            assertNotNull(field.getAnnotation(Config.class), option.name() + " is not an OLCUT @Config field");
            assertEquals(option.defaultText(), OptionFields.text(option, field.get(trainer)), option.name());
        }
        assertEquals(VaeConfig.builder().build(), trainer.vaeConfig(VaeConfig.builder().build().seed()));
    }

    @Test
    void everyOptionIsConfiguredRecordedInProvenanceAndReplayed() {
        Map<String, String> other = new LinkedHashMap<>();
        for (OptionDescription option : VaeOptions.ALL) {
            other.put(option.name(), OtherValues.of(option, ComponentRegistry.standard()));
        }
        VaeFeatureTrainer trainer = configured(other);
        long seed = Long.parseLong(other.get(VaeOptions.SEED.name()));
        Map<String, String> reached = trainer.vaeConfig(seed).toMap();
        TrainerProvenance provenance = trainer.getProvenance();
        for (OptionDescription option : VaeOptions.ALL) {
            assertEquals(option.format(option.parse(other.get(option.name()))), reached.get(option.name()),
                    option.name());
            assertTrue(provenance.getConfiguredParameters().containsKey(option.name()),
                    option.name() + " is not in the provenance");
        }
        ConfigurationManager cm = new ConfigurationManager();
        List<ConfigurationData> replay = ProvenanceUtil.extractConfiguration(provenance);
        cm.addConfiguration(replay);
        VaeFeatureTrainer replayed = (VaeFeatureTrainer) cm.lookup(replay.get(0).getName());
        assertEquals(provenance, replayed.getProvenance());
        assertEquals(trainer.vaeConfig(seed), replayed.vaeConfig(seed));
    }

    @Test
    void theCodeConstructorSetsEveryField() {
        VaeConfig config = new VaeFeatureTrainer(Blobs.config(3)).vaeConfig(3);
        assertEquals(Blobs.config(3), config);
    }
}
