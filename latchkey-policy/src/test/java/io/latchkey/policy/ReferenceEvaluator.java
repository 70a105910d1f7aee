package io.latchkey.policy;

import io.latchkey.core.policy.AuthzRequest;
import io.latchkey.core.policy.Decision;
import io.latchkey.core.policy.DecisionOutcome;
import io.latchkey.core.policy.Effect;
import io.latchkey.core.policy.EvaluationError;
import io.latchkey.core.policy.PolicyCondition;
import io.latchkey.core.policy.PolicyDocument;
import io.latchkey.core.policy.PolicyStatement;
import io.latchkey.core.policy.StatementRef;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A deliberately naive evaluator written straight from the documented rules, used as an oracle: a linear scan,
 * a recursive wildcard matcher that folds case per position, and the JDK's address parser with BigInteger
 * masks. Slow and only for the small inputs of {@link DenyWinsPropertyTest}.
 *
 * <p>{@code validValues} lists every condition value the generator considers well-formed; any other value is
 * malformed. Source addresses outside {@code validAddresses} count as missing (so the JDK is never asked to
 * resolve a name).
 */
final class ReferenceEvaluator {
    enum Verdict { MATCH, NO_MATCH, UNKNOWN }

    private final Set<String> validValues;
    private final Set<String> validAddresses;

    ReferenceEvaluator(Set<String> validValues, Set<String> validAddresses) {
        this.validValues = validValues;
        this.validAddresses = validAddresses;
    }

    Decision evaluate(List<PolicyDocument> documents, AuthzRequest request) {
        List<EvaluationError> errors = new ArrayList<>();
        StatementRef firstUnknownDeny = null;
        for (Effect effect : new Effect[] {Effect.DENY, Effect.ALLOW}) {
            for (PolicyDocument document : documents) {
                for (int i = 0; i < document.statements().size(); i++) {
                    PolicyStatement s = document.statements().get(i);
                    if (s.effect() != effect) {
                        continue;
                    }
                    StatementRef ref = new StatementRef(document.id(), i, s.sid(), s.effect());
                    Verdict verdict = verdict(s, request, ref, errors);
                    if (verdict == Verdict.MATCH) {
                        DecisionOutcome outcome = effect == Effect.DENY ? DecisionOutcome.EXPLICIT_DENY : DecisionOutcome.ALLOW;
                        return new Decision(outcome, ref, errors);
                    }
                    if (verdict == Verdict.UNKNOWN && effect == Effect.DENY && firstUnknownDeny == null) {
                        firstUnknownDeny = ref;
                    }
                }
            }
            if (firstUnknownDeny != null) {
                return new Decision(DecisionOutcome.EXPLICIT_DENY, firstUnknownDeny, errors);
            }
        }
        return new Decision(DecisionOutcome.NO_MATCH, null, errors);
    }

    /** MATCH, NO_MATCH or UNKNOWN for one statement; the reasons for UNKNOWN go to {@code errors}. */
    Verdict verdict(PolicyStatement s, AuthzRequest request, StatementRef ref, List<EvaluationError> errors) {
        if (!anyMatches(s.principals(), request.principal(), 0) || !anyMatches(s.resources(), request.resource(), 0)
                || !anyMatches(s.actions(), request.action(), serviceEnd(request.action()))) {
            return Verdict.NO_MATCH;
        }
        List<EvaluationError> reasons = new ArrayList<>();
        for (PolicyCondition c : s.conditions()) {
            Boolean holds = holds(c, request, ref, reasons);
            if (Boolean.FALSE.equals(holds)) {
                return Verdict.NO_MATCH;
            }
        }
        errors.addAll(reasons);
        return reasons.isEmpty() ? Verdict.MATCH : Verdict.UNKNOWN;
    }

    private static int serviceEnd(String action) {
        int colon = action.indexOf(':');
        return colon < 0 ? action.length() : colon;
    }

    private static boolean anyMatches(List<String> patterns, String input, int foldEnd) {
        return patterns.stream().anyMatch(p -> match(p, 0, input, 0, foldEnd));
    }

    private static boolean match(String p, int pi, String s, int si, int foldEnd) {
        if (pi == p.length()) {
            return si == s.length();
        }
        char c = p.charAt(pi);
        if (c == '*') {
            for (int k = si; k <= s.length(); k++) {
                if (match(p, pi + 1, s, k, foldEnd)) {
                    return true;
                }
            }
            return false;
        }
        if (si == s.length()) {
            return false;
        }
        char r = s.charAt(si);
        boolean same = c == '?' || c == r || (si < foldEnd && lower(c) == lower(r));
        return same && match(p, pi + 1, s, si + 1, foldEnd);
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** TRUE, FALSE, or null for unknown (with the reason added to {@code reasons}). */
    private Boolean holds(PolicyCondition c, AuthzRequest request, StatementRef ref, List<EvaluationError> reasons) {
        String op = c.operator() == null ? "" : c.operator();
        boolean ip = op.equals("IpAddress") || op.equals("NotIpAddress");
        boolean date = op.startsWith("Date") && List.of("DateGreaterThan", "DateGreaterThanEquals", "DateLessThan",
                "DateLessThanEquals").contains(op);
        String wantedKey = ip ? "lk:sourceip" : "lk:currenttime";
        if (!(ip || date) || c.key() == null || !c.key().toLowerCase(java.util.Locale.ROOT).equals(wantedKey)) {
            reasons.add(new EvaluationError.UnsupportedCondition(ref, c.operator(), c.key()));
            return null;
        }
        for (String v : c.values()) {
            if (!validValues.contains(v)) {
                reasons.add(new EvaluationError.MalformedConditionValue(ref, c.operator(), v));
                return null;
            }
        }
        if (c.values().isEmpty()) {
            reasons.add(new EvaluationError.MalformedConditionValue(ref, c.operator(), ""));
            return null;
        }
        return ip ? ipHolds(op, c.values(), request, ref, reasons) : dateHolds(op, c.values(), request, ref, reasons);
    }

    private Boolean ipHolds(String op, List<String> values, AuthzRequest request, StatementRef ref,
                            List<EvaluationError> reasons) {
        if (request.sourceIp() == null || !validAddresses.contains(request.sourceIp())) {
            reasons.add(new EvaluationError.MissingContext(ref, "lk:SourceIp"));
            return null;
        }
        BigInteger address = bits(request.sourceIp());
        boolean inAny = false;
        for (String cidr : values) {
            String[] parts = cidr.split("/");
            int offset = parts[0].contains(":") ? 0 : 96;
            int prefix = parts.length == 1 ? 128 : Integer.parseInt(parts[1]) + offset;
            inAny |= address.shiftRight(128 - prefix).equals(bits(parts[0]).shiftRight(128 - prefix));
        }
        return op.equals("IpAddress") == inAny;
    }

    private static Boolean dateHolds(String op, List<String> values, AuthzRequest request, StatementRef ref,
                                     List<EvaluationError> reasons) {
        Instant now = request.time();
        if (now == null) {
            reasons.add(new EvaluationError.MissingContext(ref, "lk:CurrentTime"));
            return null;
        }
        for (String v : values) {
            int cmp = now.compareTo(Instant.parse(v));
            boolean ok = switch (op) {
                case "DateGreaterThan" -> cmp > 0;
                case "DateGreaterThanEquals" -> cmp >= 0;
                case "DateLessThan" -> cmp < 0;
                default -> cmp <= 0;
            };
            if (ok) {
                return true;
            }
        }
        return false;
    }

    /** 128 bits, IPv4 as IPv4-mapped IPv6. */
    private static BigInteger bits(String literal) {
        try {
            byte[] raw = InetAddress.getByName(literal).getAddress();
            BigInteger value = new BigInteger(1, raw);
            return raw.length == 4 ? value.or(BigInteger.valueOf(0xFFFFL).shiftLeft(32)) : value;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(literal, e);
        }
    }
}
