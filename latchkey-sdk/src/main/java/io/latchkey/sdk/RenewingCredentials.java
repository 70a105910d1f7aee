package io.latchkey.sdk;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Base of every credential that obtains short-lived tokens and renews them: subclasses implement
 * {@link #obtain(RenewalContext)} (one login, one token exchange) and this class decides when to call it.
 *
 * <p>A token is renewed when a call starts within the renewal window of its expiry: 30 seconds by
 * default, or half the token's lifetime when that is shorter, so that a server configured with very short
 * tokens does not cause a renewal on every call.
 *
 * <p>Single flight: however many calls need a renewal at the same moment, one of them runs
 * {@link #obtain} and the others wait for its result. A failed renewal fails every call that waited for
 * it, with the same typed error, and is not repeated by this class: the next call that starts tries once
 * more. So a wrong password costs one login per call, never a loop. Failures other than the network's
 * arrive as {@link UnauthorizedException} with code {@link UnauthorizedException#RENEWAL_FAILED} and the
 * original error as cause.
 *
 * <p>Thread-safe. Later kinds of credentials (personal access token with a client assertion and the STS,
 * access-key exchange, universal auth) extend this class.
 *
 * @since 0.1
 */
public abstract class RenewingCredentials implements Credentials {
    /** Renew when a call starts this close to expiry. */
    public static final Duration DEFAULT_RENEW_BEFORE = Duration.ofSeconds(30);

    private final AuthMode mode;
    private final Duration renewBefore;
    private final AtomicReference<Held> current = new AtomicReference<>();
    private final Object flightLock = new Object();
    private CompletableFuture<Held> inFlight; // guarded by flightLock

    private record Held(AccessToken token, Instant obtainedAt) {
        boolean usableAt(Instant now, Duration renewBefore) {
            Instant exp = token.expiresAt();
            if (exp == null) {
                return true;
            }
            Duration half = Duration.between(obtainedAt, exp).dividedBy(2);
            Duration window = half.compareTo(renewBefore) < 0 ? half : renewBefore;
            return now.isBefore(exp.minus(window));
        }
    }

    protected RenewingCredentials(AuthMode mode) {
        this(mode, DEFAULT_RENEW_BEFORE);
    }

    protected RenewingCredentials(AuthMode mode, Duration renewBefore) {
        this.mode = Objects.requireNonNull(mode, "mode cannot be null");
        this.renewBefore = Objects.requireNonNull(renewBefore, "renewBefore cannot be null");
        if (mode == AuthMode.NONE) {
            throw new IllegalArgumentException("mode cannot be NONE for credentials that obtain tokens");
        }
        if (renewBefore.isNegative()) {
            throw new IllegalArgumentException("renewBefore cannot be negative");
        }
    }

    /**
     * Obtains a fresh token from the server. Called by one thread at a time.
     *
     * @throws LatchkeyApiException the typed error of the exchange
     */
    protected abstract AccessToken obtain(RenewalContext context);

    @Override
    public final AuthMode mode() {
        return mode;
    }

    @Override
    public final String accessToken(RenewalContext context) {
        Objects.requireNonNull(context, "context cannot be null");
        Held held = current.get();
        if (held != null && held.usableAt(context.clock().instant(), renewBefore)) {
            return held.token().value();
        }
        return renewOnce(context).token().value();
    }

    @Override
    public final void invalidate(String token) {
        Held held = current.get();
        if (held != null && held.token().value().equals(token)) {
            current.compareAndSet(held, null);
        }
    }

    private Held renewOnce(RenewalContext context) {
        CompletableFuture<Held> flight;
        boolean leader = false;
        synchronized (flightLock) {
            Held held = current.get();
            if (held != null && held.usableAt(context.clock().instant(), renewBefore)) {
                return held;
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                leader = true;
            }
            flight = inFlight;
        }
        if (leader) {
            renew(context, flight);
        }
        return await(flight);
    }

    private void renew(RenewalContext context, CompletableFuture<Held> flight) {
        try {
            AccessToken token = Objects.requireNonNull(obtain(context), "obtain() returned no token");
            Held held = new Held(token, context.clock().instant());
            current.set(held);
            flight.complete(held);
        } catch (Throwable t) {
            flight.completeExceptionally(asRenewalFailure(t));
        } finally {
            synchronized (flightLock) {
                inFlight = null;
            }
        }
    }

    private Throwable asRenewalFailure(Throwable t) {
        if (t instanceof NetworkException || t instanceof UnauthorizedException || !(t instanceof LatchkeyApiException e)) {
            return t;
        }
        ApiError cause = e.error();
        return new UnauthorizedException(new ApiError(cause.status(), cause.requestId(), UnauthorizedException.RENEWAL_FAILED,
                cause.name(), "could not renew the " + mode.description() + ": " + cause.message(), cause.details()), e);
    }

    private static Held await(CompletableFuture<Held> flight) {
        try {
            return flight.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("renewal failed", c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkException("interrupted while waiting for credentials to renew", null, e);
        }
    }
}
