package org.vae4j.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vae4j.vae.InvalidOptionException;
import org.vae4j.vae.VaeConfig;
import org.vae4j.vae.VaeOptions;
import org.vae4j.vae.components.ComponentKinds;
import org.vae4j.vae.components.IwaeType;

/** Component specs ({@code id:key=value,...}): parsing, canonical text, and errors that name what is wrong. */
class ComponentSpecTest {

    private static InvalidOptionException refused(String spec) {
        return assertThrows(InvalidOptionException.class, () -> VaeConfig.builder().objective(spec));
    }

    @Test
    void specsParseAndWriteBackInFull() {
        ComponentSpec iwae = (ComponentSpec) VaeOptions.OBJECTIVE.parse(" iwae:k=7 ");
        assertEquals("iwae", iwae.id());
        assertEquals(7, iwae.options().intValue("k"));
        assertEquals("iwae:k=7", iwae.toString());
        // Defaults are written out, so a stored spec keeps its meaning if a default changes.
        assertEquals("iwae:k=5", VaeOptions.OBJECTIVE.parse("iwae").toString());
        assertEquals("elbo", VaeOptions.OBJECTIVE.parse("elbo").toString());
        assertEquals(iwae, VaeOptions.OBJECTIVE.parse(iwae.toString()));
    }

    @Test
    void malformedValuesNameTheOptionAndTheComponent() {
        InvalidOptionException notANumber = refused("iwae:k=many");
        assertEquals("objective", notANumber.option());
        assertTrue(notANumber.getMessage().contains("'iwae'") && notANumber.getMessage().contains("option k")
                && notANumber.getMessage().contains("many"), notANumber.getMessage());

        InvalidOptionException outOfRange = refused("iwae:k=0");
        assertTrue(outOfRange.getMessage().contains("'iwae'") && outOfRange.getMessage().contains("option k must be >= 1"),
                outOfRange.getMessage());

        InvalidOptionException unknownKey = refused("iwae:kk=3");
        assertTrue(unknownKey.getMessage().contains("'iwae'") && unknownKey.getMessage().contains("option kk is unknown")
                && unknownKey.getMessage().contains("known: k"), unknownKey.getMessage());

        InvalidOptionException noKey = refused("iwae:5");
        assertTrue(noKey.getMessage().contains("'iwae'") && noKey.getMessage().contains("key=value"), noKey.getMessage());

        InvalidOptionException twice = refused("iwae:k=2,k=3");
        assertTrue(twice.getMessage().contains("option k is given twice"), twice.getMessage());
    }

    @Test
    void anUnknownIdIsNamedWithTheKnownOnes() {
        InvalidOptionException e = refused("renyi-typo:alpha=0.5");
        assertEquals("objective", e.option());
        assertTrue(e.getMessage().contains("unknown objective 'renyi-typo'")
                && e.getMessage().contains("elbo, factorvae, iwae, mc-elbo, renyi, tcvae"), e.getMessage());
        InvalidOptionException guide = assertThrows(InvalidOptionException.class,
                () -> VaeConfig.builder().guide("maf:flows=4"));
        assertTrue(guide.getMessage().startsWith("option guide names an unknown guide 'maf'"), guide.getMessage());
    }

    @Test
    void aValueMayHoldCommas() {
        OptionDescription widths = OptionDescription.ofIntList("hidden", List.of(8), Constraint.eachAtLeast(1), "w");
        OptionDescription count = OptionDescription.ofInt("flows", 1, Constraint.atLeast(1), "n");
        ComponentType layered = new ComponentType() {
            @Override
            public ComponentKind kind() {
                return ComponentKinds.GUIDE;
            }

            @Override
            public String id() {
                return "layered";
            }

            @Override
            public int version() {
                return 1;
            }

            @Override
            public String summary() {
                return "test";
            }

            @Override
            public List<OptionDescription> options() {
                return List.of(count, widths);
            }
        };
        Map<String, String> texts = Map.of("flows", "4", "hidden", "320,160");
        OptionValues values = OptionValues.parse(layered.options(), texts, null);
        ComponentSpec spec = new ComponentSpec(layered, values);
        assertEquals("layered:flows=4,hidden=320,160", spec.toString());
        assertEquals(List.of(320, 160), values.get("hidden"));
    }

    @Test
    void theIwaeSampleCountIsTheComponentsOwnOption() {
        assertEquals(List.of(IwaeType.K), new IwaeType().options());
        assertEquals("iwae:k=3", VaeConfig.builder().objective("iwae:k=3").build().objective().toString());
    }

    @Test
    void theDisentanglingObjectivesAreComponentsWithTheirOwnOptions() {
        ComponentSpec tcvae = VaeConfig.builder().objective("tcvae:beta=6").build().objective();
        assertEquals("tcvae", tcvae.id());
        assertEquals(1.0, tcvae.options().doubleValue("alpha"));
        assertEquals(6.0, tcvae.options().doubleValue("beta"));
        assertEquals(1.0, tcvae.options().doubleValue("gamma"));
        assertEquals("mws", tcvae.options().text("estimator"));
        assertEquals("mss", VaeConfig.builder().objective("tcvae:estimator=MSS").build().objective().options()
                .text("estimator"));
        ComponentSpec factor = VaeConfig.builder().objective("factorvae:gamma=35").build().objective();
        assertEquals(35.0, factor.options().doubleValue("gamma"));
        assertEquals(1000, factor.options().intValue("width"));
        assertEquals(6, factor.options().intValue("depth"));
        assertEquals(1e-4, factor.options().doubleValue("learningRate"));
        assertEquals(0.5, factor.options().doubleValue("beta1"));
        assertEquals(0.9, factor.options().doubleValue("beta2"));
        InvalidOptionException negative = refused("tcvae:beta=-1");
        assertTrue(negative.getMessage().contains("beta"), negative.getMessage());
        InvalidOptionException unknownEstimator = refused("tcvae:estimator=exact");
        assertTrue(unknownEstimator.getMessage().contains("estimator"), unknownEstimator.getMessage());
        InvalidOptionException badBeta = refused("factorvae:beta2=1");
        assertTrue(badBeta.getMessage().contains("beta2"), badBeta.getMessage());
    }
}
