package io.latchkey.bench;

import io.latchkey.core.policy.AuthzRequest;
import io.latchkey.core.policy.CompiledPolicies;
import io.latchkey.core.policy.Decision;
import io.latchkey.policy.DefaultPolicyEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Throughput of one policy decision ({@code CompiledPolicies.evaluate}) against {@link PolicyWorkload}, single
 * thread, per policy-set size and outcome. Compilation happens once per trial and is not measured. The target
 * (DESIGN.md section 3) is at least 1,000,000 decisions per second per core at 100 statements.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar PolicyEvaluation}; add {@code -prof gc} to see allocation per
 * decision (expected: none, or one 32-byte object when a candidate statement of the request has conditions).
 *
 * @since 0.1
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyEvaluationBenchmark {

    @Param({"10", "100", "1000", "10000"})
    public int statements;

    @Param({"ALLOW", "EXPLICIT_DENY", "NO_MATCH"})
    public PolicyWorkload.Scenario scenario;

    private CompiledPolicies policies;
    private AuthzRequest request;

    @Setup(Level.Trial)
    public void compile() {
        policies = new DefaultPolicyEngine().compile(PolicyWorkload.documents(statements));
        request = PolicyWorkload.request(scenario, statements);
        Decision decision = policies.evaluate(request);
        if (decision.outcome() != scenario.expected() || !decision.errors().isEmpty()) {
            throw new IllegalStateException("workload broken: expected " + scenario.expected() + ", got " + decision);
        }
    }

    @Benchmark
    public Decision evaluate() {
        return policies.evaluate(request);
    }
}
