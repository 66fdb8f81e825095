package dev.gan4j.examples;

import dev.gan4j.core.config.ConfigException;
import dev.gan4j.core.config.DataContext;
import dev.gan4j.core.plugin.ExperimentReader;
import dev.gan4j.core.plugin.ComponentKind;
import dev.gan4j.core.plugin.ComponentRegistration;
import dev.gan4j.core.plugin.ComponentRegistry;
import dev.gan4j.core.plugin.GanPlugin;
import dev.gan4j.core.plugin.Plugins;
import dev.gan4j.core.train.ExperimentAssembly;
import dev.gan4j.models.DcganGeneratorSpec;
import dev.gan4j.models.ModelsPlugin;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginSmokeTest {
    @Test
    void serviceLoaderFindsEveryModuleAndTheUserPlugin() {
        List<String> names = Plugins.discover(getClass().getClassLoader()).stream().map(GanPlugin::name).sorted().toList();
        assertTrue(names.containsAll(List.of("gan-datasets", "gan-encoders", "gan-example-plugin", "gan-models", "gan-trainers")), names.toString());
        ComponentRegistry registry = TestExperiments.registry();
        assertEquals(Set.of("dcgan", "mlp", "resnet", "srresnet"), registry.names(ComponentKind.GENERATOR));
        assertTrue(registry.names(ComponentKind.DISCRIMINATOR).containsAll(Set.of("dcgan", "mlp", "resnet", "resnet-acgan", "dropout-mlp")));
        assertTrue(registry.names(ComponentKind.STRATEGY).containsAll(Set.of("minimax", "non-saturating")));
        assertEquals(Set.of("grid", "idx", "image-folder", "ring"), registry.names(ComponentKind.DATA));
        ComponentRegistration dcgan = registry.registrations(ComponentKind.GENERATOR).stream()
                .filter(r -> r.name().equals("dcgan")).findFirst().orElseThrow();
        assertEquals("gan-models", dcgan.plugin());
    }

    @Test
    void aSpecDeserializesByItsTypeName() throws Exception {
        Object spec = TestExperiments.registry().mapper().readValue("{\"type\": \"dcgan\", \"latentDim\": 8}",
                dev.gan4j.core.config.GeneratorSpec.class);
        assertEquals(8, assertInstanceOf(DcganGeneratorSpec.class, spec).latentDim());
    }

    @Test
    void duplicateNamesFailNamingBothClasses() {
        GanPlugin clash = new GanPlugin() {
            @Override
            public String name() {
                return "clash";
            }

            @Override
            protected void registerComponents() {
                register(ComponentKind.GENERATOR, "dcgan", dev.gan4j.models.MlpGeneratorSpec.class);
            }
        };
        Exception e = assertThrows(Exception.class, () -> Plugins.injector(List.of(new ModelsPlugin(), clash))
                .getInstance(ComponentRegistry.class));
        String message = String.valueOf(e.getMessage());
        assertTrue(message.contains("DcganGeneratorSpec") && message.contains("MlpGeneratorSpec"), message);
    }

    @Test
    void incompatibleShapesFailBeforeTraining() {
        TestExperiments.assumeFashionMnist();
        ExperimentReader reader = new ExperimentReader(TestExperiments.registry());
        String json = TestExperiments.smallDcgan("shapes", 2, 2);
        ConfigException generator = assertThrows(ConfigException.class, () -> ExperimentAssembly.assemble(
                reader.read(json, List.of("generator.channels=[16,8,4]")), DataContext.system(), DataType.FLOAT));
        assertEquals("generator.channels", generator.path());
        assertTrue(generator.getMessage().contains("28x28"), generator.getMessage());
        ConfigException batch = assertThrows(ConfigException.class, () -> ExperimentAssembly.assemble(
                reader.read(json, List.of("data.batchSize=1000")), DataContext.system(), DataType.FLOAT));
        assertEquals("data.batchSize", batch.path());
    }
}
