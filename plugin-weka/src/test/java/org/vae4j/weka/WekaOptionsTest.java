package org.vae4j.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.beans.Introspector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vae4j.options.ComponentRegistry;
import org.vae4j.options.OptionDescription;
import org.vae4j.options.OptionType;
import org.vae4j.options.OtherValues;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeOptions;

import weka.core.CheckGOE;
import weka.core.CheckOptionHandler;
import weka.core.OptionHandler;
import weka.core.SelectedTag;

/**
 * Every option of vae4j's registry reaches the engine from every Weka scheme: as a GUI property named as the
 * option, with a tip text and the registry's default, and as a command-line option that round-trips through
 * getOptions/setOptions. The options and their values come from the registry's descriptions.
 */
class WekaOptionsTest {

    static List<String> schemes() {
        return WekaConformanceTest.schemes().toList();
    }

    private static OptionHandler newScheme(String scheme) throws Exception {
        return (OptionHandler) Class.forName(scheme).getDeclaredConstructor().newInstance();
    }

    /** A property's value as the option's text. */
    private static String text(OptionDescription option, Object value) {
        if (value instanceof SelectedTag tag) {
            return tag.getSelectedTag().getIDStr();
        }
        if (value instanceof ComponentHandler component) {
            return component.specText();
        }
        return value instanceof String s ? s : option.format(value);
    }

    private static String canonicalDefault(OptionDescription option) {
        return option.format(option.parse(option.defaultText()));
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void everyOptionIsAPropertyWithATipTextAndTheRegistryDefault(String scheme) throws Exception {
        OptionHandler fresh = newScheme(scheme);
        PropertyDescriptor[] properties = Introspector.getBeanInfo(fresh.getClass()).getPropertyDescriptors();
        for (OptionDescription option : VaeOptions.ALL) {
            PropertyDescriptor property = Arrays.stream(properties).filter(p -> p.getName().equals(option.name()))
                    .findFirst().orElse(null);
            assertNotNull(property, scheme + " has no property " + option.name());
            assertNotNull(property.getWriteMethod(), option.name());
            String tip = (String) fresh.getClass().getMethod(option.name() + "TipText").invoke(fresh);
            assertFalse(tip.isBlank(), option.name());
            assertEquals(canonicalDefault(option), text(option, property.getReadMethod().invoke(fresh)),
                    scheme + ": default of " + option.name());
        }
    }

    /** The command line setting every option but the seed to another value than its default, and the seed to 7. */
    private static String[] otherOptions() {
        List<String> args = new ArrayList<>(List.of("-S", "7"));
        for (OptionDescription option : VaeSettings.options()) {
            String other = OtherValues.of(option, ComponentRegistry.standard());
            if (option.type() != OptionType.BOOLEAN) {
                args.add("-" + option.commandFlag());
                args.add(other);
            } else if (!other.equals(option.defaultText())) {
                args.add("-" + option.commandFlag());
            }
        }
        return args.toArray(new String[0]);
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void everyOptionReachesTheEngineAndRoundTrips(String scheme) throws Exception {
        OptionHandler handler = newScheme(scheme);
        handler.setOptions(otherOptions());
        VaeConfig config = ((VaeSettingsHandler) handler).vaeSettings().toConfig(7);
        for (OptionDescription option : VaeSettings.options()) {
            String other = OtherValues.of(option, ComponentRegistry.standard());
            assertEquals(option.format(option.parse(other)), config.toMap().get(option.name()),
                    scheme + ": " + option.name());
        }
        OptionHandler copy = newScheme(scheme);
        copy.setOptions(handler.getOptions());
        assertArrayEquals(handler.getOptions(), copy.getOptions());
        assertEquals(config, ((VaeSettingsHandler) copy).vaeSettings().toConfig(7));
        assertTrue(Arrays.asList(handler.getOptions()).contains("-S"), "the seed is -S");
    }

    /**
     * vae-settings-v2.ser is a {@link VaeSettings} with {@code -latent 3 -epochs 7 -objective iwae:k=5},
     * serialized by vae4j at 23638f4, where the class kept its values itself rather than in
     * {@link OptionSettings}: a filter saved then must load with its settings, not fail or reset them.
     */
    @Test
    void settingsSerializedByTheReleaseBeforeOptionSettingsLoadWithTheirValues() throws Exception {
        VaeSettings settings;
        try (ObjectInputStream in = new ObjectInputStream(
                WekaOptionsTest.class.getResourceAsStream("/vae-settings-v2.ser"))) {
            settings = (VaeSettings) in.readObject();
        }
        assertEquals(3, settings.value(VaeOptions.LATENT_DIM.name()));
        assertEquals(7, settings.value(VaeOptions.EPOCHS.name()));
        assertEquals("iwae:k=5", settings.text(VaeOptions.OBJECTIVE.name()));
        assertEquals(new VaeSettings().text(VaeOptions.BATCH_SIZE.name()), settings.text(VaeOptions.BATCH_SIZE.name()));
        assertEquals(VaeSettings.options().size(), settings.texts().size(), "every option has a value");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(settings);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(settings.texts(), ((VaeSettings) in.readObject()).texts(), "today's form round trips");
        }
    }

    @Test
    void theCoupledChainObjectiveIsAnEditableComponentFromTheRegistry() throws Exception {
        ObjectiveComponent objective = new ObjectiveComponent();
        objective.setOptions(new String[] {"-id", "unbiased", "-particles", "8", "-m", "4", "-guideBound", "elbo"});
        assertEquals("unbiased:particles=8,k=1,m=4,maxMeeting=100,guideBound=elbo", objective.toDisplay());
        assertTrue(objective.globalInfo().contains("unbiased"), objective.globalInfo());
        String order = assertThrows(Exception.class, () -> objective.setSettings("particles=1")).getMessage();
        assertTrue(order.contains("particles"), order);
    }

    @Test
    void componentsAreEditableObjectsWithOptionsOfTheirOwn() throws Exception {
        ObjectiveComponent objective = new ObjectiveComponent();
        objective.setOptions(new String[] {"-id", "iwae", "-k", "7"});
        assertEquals("iwae:k=7", objective.toDisplay());
        assertArrayEquals(new String[] {"-id", "iwae", "-k", "7"}, objective.getOptions());
        assertEquals("k=7", objective.getSettings());
        objective.setComponent(new SelectedTag("mc-elbo", objective.getComponent().getTags()));
        assertEquals("mc-elbo", objective.specText());
        assertTrue(objective.globalInfo().contains("iwae"), objective.globalInfo());

        String unknown = assertThrows(Exception.class, () -> objective.setOptions(new String[] {"-id", "renyi9"}))
                .getMessage();
        assertTrue(unknown.contains("unknown objective 'renyi9'"), unknown);
        String foreign = assertThrows(Exception.class,
                () -> objective.setOptions(new String[] {"-id", "elbo", "-k", "3"})).getMessage();
        assertTrue(foreign.contains("'elbo' has no option -k"), foreign);
        String range = assertThrows(Exception.class, () -> objective.setSettings("k=0")).getMessage();
        assertTrue(range.contains("'mc-elbo'"), range);

        for (ComponentHandler handler : List.of(new ObjectiveComponent("iwae:k=2"), new GuideComponent(),
                new PriorComponent())) {
            CheckOptionHandler options = new CheckOptionHandler();
            options.setSilent(true);
            options.setOptionHandler(handler);
            options.setUserOptions(new String[0]);
            assertTrue(options.checkListOptions() && options.checkSetOptions() && options.checkDefaultOptions()
                    && options.checkRemainingOptions() && options.checkCanonicalUserOptions(), handler.specText());
            CheckGOE goe = new CheckGOE();
            goe.setSilent(true);
            goe.setObject(handler);
            goe.setIgnoredProperties("options,specText");
            assertTrue(goe.checkGlobalInfo() && goe.checkToolTips(), handler.specText());
        }
    }

    @Test
    void aSchemesComponentIsSetFromItsSpecOrItsObject() throws Exception {
        OptionHandler filter = newScheme(schemes().get(0));
        filter.setOptions(new String[] {"-objective", "iwae:k=3"});
        VaeSettingsHandler settings = (VaeSettingsHandler) filter;
        assertEquals("iwae:k=3", settings.getObjective().specText());
        settings.setObjective(new ObjectiveComponent("elbo"));
        assertTrue(Arrays.asList(filter.getOptions()).contains("elbo"));
        String bad = assertThrows(IllegalArgumentException.class,
                () -> filter.setOptions(new String[] {"-objective", "iwae:k=x"})).getMessage();
        assertTrue(bad.contains("-objective") && bad.contains("'iwae'") && bad.contains("option k"), bad);
    }
}
