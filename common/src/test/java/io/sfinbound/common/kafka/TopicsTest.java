package io.sfinbound.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** {@link Topics#ALL} must name every topic constant, or a launcher would leave a new topic to auto-creation. */
class TopicsTest {

    @Test
    void allNamesEveryTopicConstant() {
        String[] constants = Arrays.stream(Topics.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(TopicsTest::value).toArray(String[]::new);
        assertThat(Topics.ALL).containsExactlyInAnyOrder(constants);
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
