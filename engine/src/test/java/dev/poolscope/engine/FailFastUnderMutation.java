package dev.poolscope.engine;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Mutation testing only: a test method (or its {@code @BeforeEach}/{@code @AfterEach}) still running after
 * {@value #LIMIT_MILLIS} ms fails. A mutant that hangs the
 * pool (a lost wake-up, a shutdown that never reports) is then killed by the test itself, before PIT's own limit
 * (3 s plus 1.25 times the test's normal time) times it out and restarts its JVM, about 10 s each. Every engine test
 * takes well under the limit (the slowest about 1.3 s on 2 busy cores); the hung test's threads are left behind, as
 * JUnit's own separate-thread timeout does. Registered through {@code META-INF/services} and active only where
 * {@code junit.jupiter.extensions.autodetection.enabled} is true, which the {@code mutation} profile sets for PIT's
 * JVMs; the ordinary build keeps each test's own {@code @Timeout}.
 */
public final class FailFastUnderMutation implements InvocationInterceptor {

    static final long LIMIT_MILLIS = 2500;

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                    ExtensionContext context) throws Throwable {
        bounded(invocation, method, context);
    }

    /** An {@code @AfterEach} that shuts a hung pool down must not hang either. */
    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                         ExtensionContext context) throws Throwable {
        bounded(invocation, method, context);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                          ExtensionContext context) throws Throwable {
        bounded(invocation, method, context);
    }

    private static void bounded(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                ExtensionContext context) throws Throwable {
        CompletableFuture<Void> run = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                invocation.proceed();
                run.complete(null);
            } catch (Throwable e) {
                run.completeExceptionally(e);
            }
        }, "fail-fast-" + method.getExecutable().getName());
        t.setDaemon(true);
        t.start();
        try {
            run.get(LIMIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError(context.getDisplayName() + " did not end within " + LIMIT_MILLIS
                    + " ms under mutation testing");
        }
    }
}
