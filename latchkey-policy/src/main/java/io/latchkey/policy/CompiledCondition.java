package io.latchkey.policy;

import io.latchkey.core.policy.EvaluationError;
import io.latchkey.core.policy.StatementRef;

import java.time.Instant;

/**
 * A condition ready to test: values parsed at compile time (CIDR blocks to bit masks, dates to instants), so a
 * test does no parsing apart from reading the request's source address once per evaluation.
 */
sealed interface CompiledCondition permits CompiledCondition.Address, CompiledCondition.Time,
        CompiledCondition.Unevaluable {

    /** TRUE or FALSE, or UNKNOWN when the request lacks what this condition reads or the condition is broken. */
    Truth test(RequestFacts facts);

    /** Why {@link #test} answered UNKNOWN. Called only on that (rare) path, so it may allocate. */
    EvaluationError explainUnknown(StatementRef statement);

    /** {@code IpAddress} / {@code NotIpAddress} on {@code lk:SourceIp}. */
    final class Address implements CompiledCondition {
        private final IpBlock[] blocks;
        private final boolean negated;

        Address(IpBlock[] blocks, boolean negated) {
            this.blocks = blocks;
            this.negated = negated;
        }

        @Override
        public Truth test(RequestFacts facts) {
            IpAddressBits address = facts.sourceAddress();
            if (address == null) {
                return Truth.UNKNOWN;
            }
            return Truth.of(containsAny(address.high, address.low) != negated);
        }

        private boolean containsAny(long high, long low) {
            for (IpBlock block : blocks) {
                if (block.contains(high, low)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public EvaluationError explainUnknown(StatementRef statement) {
            return new EvaluationError.MissingContext(statement, ConditionKey.SOURCE_IP.wire());
        }
    }

    /** The date operators on {@code lk:CurrentTime}. */
    final class Time implements CompiledCondition {
        private final ConditionOperator operator;
        private final Instant[] instants;

        Time(ConditionOperator operator, Instant[] instants) {
            this.operator = operator;
            this.instants = instants;
        }

        @Override
        public Truth test(RequestFacts facts) {
            Instant now = facts.time();
            if (now == null) {
                return Truth.UNKNOWN;
            }
            for (Instant instant : instants) {
                // Instant.compareTo is exact to the nanosecond and allocation-free; epoch millis would truncate.
                if (operator.acceptsTimeComparison(now.compareTo(instant))) {
                    return Truth.TRUE;
                }
            }
            return Truth.FALSE;
        }

        @Override
        public EvaluationError explainUnknown(StatementRef statement) {
            return new EvaluationError.MissingContext(statement, ConditionKey.CURRENT_TIME.wire());
        }
    }

    /** A condition that failed to compile (only in documents that skipped validation). Always UNKNOWN. */
    final class Unevaluable implements CompiledCondition {
        private final ConditionProblem problem;

        Unevaluable(ConditionProblem problem) {
            this.problem = problem;
        }

        ConditionProblem problem() {
            return problem;
        }

        @Override
        public Truth test(RequestFacts facts) {
            return Truth.UNKNOWN;
        }

        @Override
        public EvaluationError explainUnknown(StatementRef statement) {
            return problem.toError(statement);
        }
    }
}
