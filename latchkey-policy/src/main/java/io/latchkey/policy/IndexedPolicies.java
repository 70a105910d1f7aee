package io.latchkey.policy;

import io.latchkey.core.policy.AuthzRequest;
import io.latchkey.core.policy.CompiledPolicies;
import io.latchkey.core.policy.Decision;
import io.latchkey.core.policy.DecisionOutcome;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.PolicyStatement;
import io.latchkey.core.support.Require;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The compiled form of a set of documents: statements in document then statement order, indexed by action.
 * Immutable and thread-safe; {@link #evaluate} is a pure function of the request.
 *
 * <p>Evaluation walks the candidate Deny statements first, then the candidate Allow statements, each in order,
 * and stops at the first statement that matches cleanly. Costs, for the common request: one canonical-action
 * check (no copy unless the service part has upper case), one hash lookup, the candidates' pattern tests, and
 * no allocation unless some candidate has conditions (then one small {@link RequestFacts}), no statement names
 * the action exactly (then a substring to find its service), or something fails to evaluate (then the error
 * list and a fresh {@link Decision}).
 *
 * <p>Errors never grant, see {@link DefaultPolicyEngine} for the rules.
 */
final class IndexedPolicies implements CompiledPolicies {
    private static final Decision NO_MATCH = new Decision(DecisionOutcome.NO_MATCH, null, List.of());

    private final CompiledStatement[] statements;
    private final ActionIndex index;

    private IndexedPolicies(CompiledStatement[] statements) {
        this.statements = statements;
        this.index = ActionIndex.build(statements);
    }

    /**
     * Compiles without validating. Statements without an effect are left out: they cannot grant, and the core
     * error model has no kind to report them with (validation refuses them when documents are written).
     */
    static IndexedPolicies compile(Collection<PolicyDocument> documents) {
        List<CompiledStatement> compiled = new ArrayList<>();
        for (PolicyDocument document : documents) {
            Require.nonNull(document, "documents element");
            List<PolicyStatement> list = document.statements();
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).effect() != null) {
                    compiled.add(CompiledStatement.compile(document.id(), i, list.get(i)));
                }
            }
        }
        return new IndexedPolicies(compiled.toArray(new CompiledStatement[0]));
    }

    @Override
    public Decision evaluate(AuthzRequest request) {
        Require.nonNull(request, "request");
        Require.nonNull(request.principal(), "request.principal");
        Require.nonNull(request.resource(), "request.resource");
        String action = ActionNames.canonical(Require.nonNull(request.action(), "request.action"));
        int serviceEnd = ActionNames.serviceEnd(action);
        ActionIndex.Candidates candidates = index.candidates(action, serviceEnd);
        // INVARIANT: only conditions can evaluate to UNKNOWN, so facts is non-null whenever one is recorded.
        RequestFacts facts = candidates.conditional() ? new RequestFacts(request) : null;

        CompiledStatement deny = firstMatch(candidates.exact().denies(), candidates.service().denies(),
                candidates.global().denies(), request, action, serviceEnd, facts);
        if (deny != null) {
            return decide(deny, facts);
        }
        if (facts != null && facts.hasErrors()) {
            // A Deny that could not be evaluated might have matched: fail closed.
            return new Decision(DecisionOutcome.EXPLICIT_DENY, facts.firstUnknown().ref(), facts.errors());
        }
        CompiledStatement allow = firstMatch(candidates.exact().allows(), candidates.service().allows(),
                candidates.global().allows(), request, action, serviceEnd, facts);
        if (allow != null) {
            return decide(allow, facts);
        }
        if (facts != null && facts.hasErrors()) {
            return new Decision(DecisionOutcome.NO_MATCH, null, facts.errors());
        }
        return NO_MATCH;
    }

    /**
     * Walks the union of three ascending position arrays in order and returns the first statement that matches
     * cleanly, recording every statement met on the way that evaluates to UNKNOWN. Statements from
     * {@code exact} are known to match the action; the others test their action patterns.
     */
    private CompiledStatement firstMatch(int[] exact, int[] service, int[] global, AuthzRequest request,
                                         String action, int serviceEnd, RequestFacts facts) {
        int i = 0;
        int j = 0;
        int k = 0;
        while (true) {
            int e = i < exact.length ? exact[i] : Integer.MAX_VALUE;
            int s = j < service.length ? service[j] : Integer.MAX_VALUE;
            int g = k < global.length ? global[k] : Integer.MAX_VALUE;
            int next = Math.min(e, Math.min(s, g));
            if (next == Integer.MAX_VALUE) {
                return null;
            }
            // Advance every array that holds this statement, so that it is visited once.
            i += e == next ? 1 : 0;
            j += s == next ? 1 : 0;
            k += g == next ? 1 : 0;
            CompiledStatement statement = statements[next];
            Truth truth = statement.test(request, action, serviceEnd, e == next, facts);
            if (truth == Truth.TRUE) {
                return statement;
            }
            if (truth == Truth.UNKNOWN) {
                facts.recordUnknown(statement);
            }
        }
    }

    private static Decision decide(CompiledStatement statement, RequestFacts facts) {
        if (facts == null || !facts.hasErrors()) {
            return statement.decision();
        }
        return new Decision(statement.decision().outcome(), statement.ref(), facts.errors());
    }

    @Override
    public String toString() {
        return "IndexedPolicies[statements=" + statements.length + ", " + index + "]";
    }
}
