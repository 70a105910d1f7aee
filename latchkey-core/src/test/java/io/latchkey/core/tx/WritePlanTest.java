package io.latchkey.core.tx;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WritePlanTest {

    /** A kind of write that logs each batch it was sent and answers with a function of each input. */
    static final class Kind implements BatchWrite<String, String> {
        final String name;
        final List<String> log;

        Kind(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override
        public List<String> applyAll(List<String> inputs) {
            log.add(name + inputs);
            return inputs.stream().map(i -> i + "!").toList();
        }
    }

    @Test
    void runAllWhenPlansShareKindsThenOneBatchPerKindPerRoundInEachPlansOrder() {
        List<String> log = new ArrayList<>();
        Kind count = new Kind("count", log);
        Kind store = new Kind("store", log);
        WritePlan<String> login1 = WritePlan.of(count, "a").then(c -> WritePlan.of(store, "s" + c));
        WritePlan<String> login2 = WritePlan.of(count, "b").then(c -> WritePlan.of(store, "s" + c));
        WritePlan<String> storeOnly = WritePlan.of(store, "x");
        WritePlan<String> nothing = WritePlan.done("idle");

        List<Object> results = WritePlan.runAll(List.of(login1, storeOnly, login2, nothing));

        assertThat(results).containsExactly("sa!!", "x!", "sb!!", "idle");
        assertThat(log).containsExactly("count[a, b]", "store[x]", "store[sa!, sb!]");
    }

    @Test
    void runAllWhenAFunctionRefusesThenItsExceptionPropagates() {
        List<String> log = new ArrayList<>();
        Kind count = new Kind("count", log);
        WritePlan<String> refused = WritePlan.of(count, "a").map(c -> {
            throw new IllegalStateException("out of uses");
        });

        assertThatThrownBy(() -> WritePlan.runAll(List.of(WritePlan.of(count, "b"), refused)))
                .isInstanceOf(IllegalStateException.class).hasMessage("out of uses");
        assertThat(log).containsExactly("count[b, a]");
    }

    @Test
    void runAllWhenAKindAnswersTooFewThenRefusesToGuess() {
        BatchWrite<String, Boolean> broken = inputs -> List.of(true);

        assertThatThrownBy(() -> WritePlan.runAll(List.of(WritePlan.of(broken, "a"), WritePlan.of(broken, "b"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 of 2");
    }
}
