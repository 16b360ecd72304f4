package org.vae4j.tribuo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.property.ListProperty;
import com.oracle.labs.mlrg.olcut.config.property.SimpleProperty;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionType;
import org.vae4j.options.OptionValues;

/** Makes a trainer through OLCUT's configuration manager, from option texts as the registry writes them. */
final class OlcutConfigs {

    private OlcutConfigs() {}

    /**
     * A {@code type} configured with {@code texts} (option name to text; a choice in any case, a list
     * comma-separated), each option described in {@code options}.
     */
    static <T> T configured(Class<T> type, List<OptionDescription> options, Map<String, String> texts) {
        ConfigurationData data = new ConfigurationData("trainer", type.getName());
        texts.forEach((name, text) -> {
            OptionDescription option = OptionValues.find(options, name);
            if (option.type() == OptionType.INT_LIST) {
                data.add(name, ListProperty.createFromStringList(Arrays.asList(text.split(","))));
            } else {
                data.add(name, new SimpleProperty(option.type() == OptionType.CHOICE ? text.toUpperCase(Locale.ROOT)
                        : text));
            }
        });
        ConfigurationManager cm = new ConfigurationManager();
        cm.addConfiguration(List.of(data));
        return type.cast(cm.lookup("trainer"));
    }
}
